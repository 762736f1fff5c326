#!/usr/bin/env python3
"""Writes an order's receipt as a text file, for Mercury's process invoker.

The order (validated, priced, its stock reserved) comes as JSON on stdin; the
receipt goes to RECEIPTS_DIR (a folder under the system's temporary folder by
default), named after the order, so a retried call writes the same file again.
"""
import json
import os
import sys
import tempfile


def fail(error_type, message):
    print(json.dumps({"errorType": error_type, "errorMessage": message}), file=sys.stderr)
    sys.exit(1)


def receipt_text(order):
    price = order["price"]
    lines = [f"Receipt for order {order['orderId']} ({order['customer']})", ""]
    for line in price["lines"]:
        lines.append(f"{line['quantity']:>4} x {line['sku']:<12} {line['amount']:>10.2f}")
    lines.append("")
    lines.append(f"{'Subtotal':<19} {price['subtotal']:>10.2f}")
    if price.get("discount"):
        lines.append(f"{'Discount':<19} {-price['discount']:>10.2f}")
    lines.append(f"{'Total ' + price['currency']:<19} {price['total']:>10.2f}")
    lines.append(f"Reserved as {order['reservation']['reservationId']}")
    return "\n".join(lines) + "\n"


def main():
    order = json.load(sys.stdin)
    for field in ("orderId", "customer", "price", "reservation"):
        if field not in order:
            fail("IncompleteOrder", f"the order has no {field}")
    folder = os.environ.get("RECEIPTS_DIR") or os.path.join(tempfile.gettempdir(), "mercury-receipts")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{order['orderId']}.txt")
    with open(path, "w", encoding="utf-8") as receipt:
        receipt.write(receipt_text(order))
    print(json.dumps({
        "file": path,
        "total": order["price"]["total"],
        "currency": order["price"]["currency"],
    }))


if __name__ == "__main__":
    main()
