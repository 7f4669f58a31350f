#!/usr/bin/env python3
"""check_svg.py FILE [TEXT...] - exit 0 when FILE parses as XML and every
TEXT occurs in its character data (the text gnuplot drew), else print why
and exit 1. Used by test_charts.c."""
import sys
import xml.etree.ElementTree as ET

def main(argv):
    try:
        root = ET.parse(argv[1]).getroot()
    except ET.ParseError as e:
        print(f"{argv[1]}: not well-formed XML: {e}")
        return 1
    text = "".join(root.itertext())
    missing = [t for t in argv[2:] if t not in text]
    for t in missing:
        print(f"{argv[1]}: text not found: {t!r}")
    return 1 if missing else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
