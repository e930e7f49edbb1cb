#!/usr/bin/env python3
"""Decodes the QR Code in each binary PGM (P5) image with zxing-cpp, for checking OneGate's encoder.

    qr-decode.py IMAGE...          # one JSON string per image: the decoded text, or null
    qr-decode.py --bytes IMAGE...  # the same, but the raw byte content as a hex string

Needs only the `zxing-cpp` package from PyPI (import name `zxingcpp`): the images are read here and
handed over as a 2-D memoryview, which zxing-cpp accepts without numpy or Pillow. Exits 1 when any
image held no readable QR Code.
"""

import json
import sys

import zxingcpp


def read_pgm(path):
    """Returns (width, height, pixels) of an 8-bit binary PGM."""
    with open(path, "rb") as file:
        data = file.read()
    fields = []
    position = 0
    # Header: magic, width, height, maxval, separated by whitespace, with '#' comments.
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        start = position
        while not data[position : position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P5" or maxval > 255:
        raise ValueError(f"{path}: not an 8-bit binary PGM")
    pixels = data[position + 1 : position + 1 + width * height]
    if len(pixels) != width * height:
        raise ValueError(f"{path}: truncated pixel data")
    return width, height, pixels


def decode(path, raw):
    width, height, pixels = read_pgm(path)
    image = memoryview(pixels).cast("B", (height, width))
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if not results:
        return None
    return results[0].bytes.hex() if raw else results[0].text


def main(arguments):
    raw = "--bytes" in arguments
    paths = [argument for argument in arguments if argument != "--bytes"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        value = decode(path, raw)
        failed = failed or value is None
        print(json.dumps(value, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
