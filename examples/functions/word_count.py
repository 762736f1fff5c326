#!/usr/bin/env python3
"""A function for Mercury's process invoker: JSON in on stdin, JSON out on stdout.

To fail with an error a workflow can Retry or Catch by name, print
{"errorType": ..., "errorMessage": ...} and exit non-zero.
"""
import json
import os
import sys


def main():
    event = json.load(sys.stdin)
    text = event.get("text", "")
    if not text.strip():
        print(json.dumps({"errorType": "EmptyText", "errorMessage": "there is no text to count"}),
              file=sys.stderr)
        sys.exit(1)
    words = text.split()
    print(json.dumps({
        "words": len(words),
        "longest": max(words, key=len),
        "attempt": int(os.environ.get("MERCURY_ATTEMPT", "0")),
    }))


if __name__ == "__main__":
    main()
