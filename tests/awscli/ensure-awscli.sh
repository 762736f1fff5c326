#!/usr/bin/env bash
# Makes sure an `aws` command is on the PATH: installs Debian's awscli package when it is missing
# and this machine can (root, apt-get). Exits 0 when `aws` is there afterwards, 1 when it is not;
# never waits more than a few minutes.
set -uo pipefail
if command -v aws >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "awscli: not found; installing Debian's awscli package..." >&2
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -q awscli >/dev/null 2>&1 \
    || { timeout 120 apt-get update -q >/dev/null 2>&1 \
         && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -q awscli >/dev/null 2>&1; }
fi
command -v aws >/dev/null 2>&1
