#!/usr/bin/env python3
"""Writes the interpreter benchmark's workloads: NAME.asl.json and NAME.input.json for each.

The files are checked in; run this only to change a workload. Run from anywhere:
    python3 bench/workloads/generate.py
No workload uses States.* intrinsic functions.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, definition, payload):
    with open(os.path.join(HERE, name + ".asl.json"), "w") as out:
        json.dump(definition, out, indent=2)
        out.write("\n")
    with open(os.path.join(HERE, name + ".input.json"), "w") as out:
        json.dump(payload, out, indent=2 if len(json.dumps(payload)) < 2000 else None)
        out.write("\n")


def counter_loop():
    """A 10,000-iteration Choice + Pass loop. The counter is four decimal digits d0..d3; a Choice
    per digit picks the Pass state whose Result is the digit's next value (ResultPath writes it
    back), so counting needs no intrinsic function.

    The digits are strings ("0".."9"), not numbers: aws-local-stepfunctions 3.0.0 treats a Pass
    state's "Result": 0 as absent (it tests the Result for truthiness) and passes its input on
    instead, which nests the input into itself on every wrap until the process runs out of memory.
    """
    digits = ["Ones", "Tens", "Hundreds", "Thousands"]
    states = {}
    for level, digit in enumerate(digits):
        field = "$.counter.d%d" % level
        rules = [
            {"Variable": field, "StringEquals": str(k), "Next": "%s%d" % (digit, k + 1)}
            for k in range(9)
        ]
        last = level == len(digits) - 1
        states[digit] = {
            "Type": "Choice",
            "Choices": rules,
            "Default": "Done" if last else digit + "Wrap",
        }
        for k in range(1, 10):
            states["%s%d" % (digit, k)] = {
                "Type": "Pass",
                "Result": str(k),
                "ResultPath": field,
                "Next": "Ones",
            }
        if not last:
            states[digit + "Wrap"] = {
                "Type": "Pass",
                "Result": "0",
                "ResultPath": field,
                "Next": digits[level + 1],
            }
    states["Done"] = {"Type": "Succeed", "OutputPath": "$.counter"}
    definition = {
        "Comment": (
            "Counter loop: 10,000 iterations of a Choice and a Pass state. The counter is four"
            " decimal digits, kept as strings ($.counter.d0 to d3, ones first). The Choice state of"
            " a digit tests it with StringEquals and goes to the Pass state whose Result is the"
            " next digit (ResultPath $.counter.dN); a 9 wraps to 0 and carries into the next"
            " digit's Choice."
            " It counts 0000 to 9999 and stops: 22,220 states entered (10,000 Ones Choices,"
            " 10,000 Pass states after them, 1,000 + 1,000 for tens, 100 + 100, 10 + 9, Done)."
            " No intrinsic functions."
        ),
        "StartAt": "Ones",
        "States": states,
    }
    payload = {
        "counter": {"d0": "0", "d1": "0", "d2": "0", "d3": "0"},
        "job": {"id": "job-42", "owner": "bench", "tags": ["loop", "counter"]},
    }
    write("01-counter-loop", definition, payload)


def pass_chain():
    """100 Pass states in a row, each reshaping its input with Parameters, ResultPath and
    OutputPath."""
    states = {}
    count = 100
    for i in range(1, count + 1):
        state = {
            "Type": "Pass",
            "Parameters": {
                "order.$": "$.order",
                "customer.$": "$.order.customer.name",
                "firstLine.$": "$.order.lines[0]",
                "previous.$": "$.step",
                "step": i,
            },
            "ResultPath": "$.next",
            "OutputPath": "$.next",
        }
        if i < count:
            state["Next"] = "Step%03d" % (i + 1)
        else:
            state["End"] = True
        states["Step%03d" % i] = state
    definition = {
        "Comment": (
            "Pass chain: 100 Pass states in a row. Each builds a new object with Parameters"
            " (four .$ paths and a literal), puts it at $.next of a copy of its input (ResultPath)"
            " and passes on only that object (OutputPath $.next). 100 states entered."
        ),
        "StartAt": "Step001",
        "States": states,
    }
    payload = {
        "step": 0,
        "order": {
            "id": "order-1001",
            "currency": "EUR",
            "customer": {"id": "c-7", "name": "Ada Lovelace", "tier": "gold"},
            "lines": [
                {"sku": "A-100", "qty": 2, "price": 9.5},
                {"sku": "B-200", "qty": 1, "price": 120.0},
                {"sku": "C-300", "qty": 5, "price": 0.75},
            ],
        },
    }
    write("02-pass-chain", definition, payload)


def map_1000():
    """An inline Map over 1,000 items with an ItemSelector; each iteration runs two Pass
    states."""
    definition = {
        "Comment": (
            "Map: an inline Map over 1,000 items, MaxConcurrency not set. ItemSelector builds each"
            " iteration's input from $$.Map.Item.Value, $$.Map.Item.Index and the Map's input;"
            " each iteration runs two Pass states that reshape it. 2,001 states entered (the Map"
            " and two per item)."
        ),
        "StartAt": "EachOrder",
        "States": {
            "EachOrder": {
                "Type": "Map",
                "ItemsPath": "$.orders",
                "ItemSelector": {
                    "order.$": "$$.Map.Item.Value",
                    "index.$": "$$.Map.Item.Index",
                    "currency.$": "$.currency",
                },
                "ItemProcessor": {
                    "ProcessorConfig": {"Mode": "INLINE"},
                    "StartAt": "Price",
                    "States": {
                        "Price": {
                            "Type": "Pass",
                            "Parameters": {
                                "id.$": "$.order.id",
                                "qty.$": "$.order.qty",
                                "price.$": "$.order.price",
                                "currency.$": "$.currency",
                            },
                            "ResultPath": "$.line",
                            "Next": "Label",
                        },
                        "Label": {
                            "Type": "Pass",
                            "Parameters": {
                                "id.$": "$.line.id",
                                "index.$": "$.index",
                                "currency.$": "$.line.currency",
                                "status": "priced",
                            },
                            "End": True,
                        },
                    },
                },
                "ResultPath": "$.priced",
                "OutputPath": "$.priced",
                "End": True,
            }
        },
    }
    payload = {
        "currency": "EUR",
        "orders": [
            {"id": "order-%04d" % i, "qty": 1 + i % 7, "price": round(0.5 + (i % 13) * 1.25, 2)}
            for i in range(1000)
        ],
    }
    write("03-map-1000", definition, payload)


def parallel_8():
    """25 Parallel states in a row, each with 8 branches of three Pass states."""
    rounds = 25
    states = {}
    for r in range(1, rounds + 1):
        branches = []
        for b in range(8):
            # State names are unique across the whole machine, branches included, as ASL asks.
            prefix = "R%02dB%d" % (r, b)
            branches.append(
                {
                    "StartAt": prefix + "Pick",
                    "States": {
                        prefix + "Pick": {
                            "Type": "Pass",
                            "Parameters": {
                                "branch": b,
                                "seed.$": "$.seed",
                                "round.$": "$.round",
                            },
                            "Next": prefix + "Shape",
                        },
                        prefix + "Shape": {
                            "Type": "Pass",
                            "Parameters": {"branch.$": "$.branch", "value.$": "$.seed.value"},
                            "ResultPath": "$.shaped",
                            "Next": prefix + "Finish",
                        },
                        prefix + "Finish": {"Type": "Pass", "OutputPath": "$.shaped", "End": True},
                    },
                }
            )
        state = {
            "Type": "Parallel",
            "Branches": branches,
            "ResultSelector": {"first.$": "$[0]", "last.$": "$[7]"},
            "ResultPath": "$.results",
        }
        if r < rounds:
            state["Next"] = "Round%02d" % (r + 1)
        else:
            state["End"] = True
        states["Round%02d" % r] = state
    definition = {
        "Comment": (
            "Parallel: 25 Parallel states in a row, each with 8 branches of three Pass states"
            " (Parameters, ResultPath, OutputPath); ResultSelector keeps the first and last branch"
            " results. 625 states entered (25 Parallel states and 24 Pass states in each)."
        ),
        "StartAt": "Round01",
        "States": states,
    }
    payload = {"round": 1, "seed": {"value": 17, "label": "seed"}}
    write("04-parallel-8", definition, payload)


if __name__ == "__main__":
    counter_loop()
    pass_chain()
    map_1000()
    parallel_8()
