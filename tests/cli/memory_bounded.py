#!/usr/bin/env python3
"""memory_bounded.py - Monte Carlo percentiles in bounded memory.

targetsim --draws 1000000 on the bundled plan's trend scenario keeps 66
values a draw for its percentile bands: 528 MB if it kept every draw. Past
the 1 MiB store budget it makes the draws twice instead and keeps only the
values near each percentile, so its peak resident memory must stay far below
that: under 128 MiB here (a few MiB per thread and the reports; sanitizer
builds need more, which the bound leaves room for). The bands themselves are
checked bit for bit against the kept draws by tests/unit/mc/test_mc.c; this
only checks that the run finishes and writes them.

Usage: memory_bounded.py TARGETSIM SOURCE_DIR
"""
import csv
import os
import resource
import subprocess
import sys
import tempfile

LIMIT_MIB = 128


def main():
    binary, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="targetsim-memory.") as out:
        cmd = [binary, "--scenario", os.path.join(source, "scenarios", "trend.json"),
               "--draws", "1000000", "--threads", "2", "--no-render", "--quiet",
               "--out", out]
        run = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL: {' '.join(cmd)} exited {run.returncode}: {run.stderr}")
            return 1
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with open(os.path.join(out, "fan.csv"), newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    print(f"peak resident memory at 10^6 draws: {peak_mib:.1f} MiB (limit {LIMIT_MIB})")
    status = 0
    if peak_mib > LIMIT_MIB:
        print(f"FAIL: {peak_mib:.1f} MiB > {LIMIT_MIB} MiB")
        status = 1
    if len(rows) < 60:
        print(f"FAIL: fan.csv has {len(rows)} rows")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
