#!/usr/bin/env python3
"""oom_sweep.py TARGETSIM TARGETSIM_FAULTSIM - out of memory at every
allocation of the default job.

1. The previous outputs: TARGETSIM runs the default job with another seed
   (--seed 7, --lang zh: every file differs from what the sweep's runs
   would write) into a folder; its files and their SHA-256 are the
   snapshot every failed run must leave as it was.
2. The count: TARGETSIM_FAULTSIM runs the default job without a failure
   and reports how many allocations it made (N).
3. The sweep: for each chosen k, a copy of the previous folder, and the
   default job with allocation k failing. Each run must exit 1, print
   exactly "targetsim: out of memory" (one line; the Monte Carlo store's
   own message "out of memory: the draws need ..." is accepted), and leave
   the folder as it was: the same files, byte for byte, nothing added.
   Under ASan (scripts/test.sh) a leak fails the run's exit status too.

Which k: every k up to FULL (default 400: loading, projecting, the start
of each phase), then every STRIDE-th (N // 250, at least 1) up to N, and
the last 20: about 650 runs, printed as "covered X of N allocations".
OOM_SWEEP_ALL=1 runs every k. The job runs with --threads 1 so that the
kth allocation is the same in every run.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def snapshot(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            out[name] = "<dir>"
        else:
            out[name] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def main(argv):
    plain, faultsim = argv[1], argv[2]
    work = tempfile.mkdtemp(prefix="targetsim-oom.")
    try:
        prev = os.path.join(work, "prev")
        r = subprocess.run([plain, "--quiet", "--seed", "7", "--lang", "zh", "--out", prev],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if r.returncode != 0:
            print("the previous run failed:", r.stderr)
            return 1
        before = snapshot(prev)
        job = ["--quiet", "--threads", "1"]
        count_file = os.path.join(work, "count")
        env = dict(os.environ, TARGETSIM_FAULTSIM_REPORT=count_file)
        env.pop("TARGETSIM_FAULTSIM_FAIL", None)
        r = subprocess.run([faultsim] + job + ["--out", os.path.join(work, "clean")],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env)
        if r.returncode != 0:
            print("the run without a failure failed:", r.returncode, r.stderr)
            return 1
        total = int(open(count_file).read())
        full = int(os.environ.get("OOM_SWEEP_FULL", "400"))
        if os.environ.get("OOM_SWEEP_ALL") == "1":
            ks = list(range(1, total + 1))
        else:
            stride = max(1, total // 250)
            ks = sorted(set(range(1, min(full, total) + 1)) | set(range(full, total + 1, stride))
                        | set(range(max(1, total - 19), total + 1)))
        failures = []
        env = dict(os.environ)
        env.pop("TARGETSIM_FAULTSIM_REPORT", None)
        for i, k in enumerate(ks):
            out = os.path.join(work, "out")
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(prev, out)
            env["TARGETSIM_FAULTSIM_FAIL"] = str(k)
            r = subprocess.run([faultsim] + job + ["--out", out], stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, env=env)
            problems = []
            if r.returncode != 1:
                problems.append(f"exit {r.returncode}")
            lines = r.stderr.splitlines()
            if len(lines) != 1 or not (lines[0] == "targetsim: out of memory" or
                                       lines[0].startswith("targetsim: out of memory: ")):
                problems.append(f"stderr {r.stderr[:600]!r}")
            if r.stdout:
                problems.append(f"stdout {r.stdout[:200]!r}")
            after = snapshot(out)
            if after != before:
                changed = sorted(n for n in set(after) | set(before) if after.get(n) != before.get(n))
                problems.append(f"folder changed: {changed[:8]}")
            if problems:
                failures.append((k, problems))
                print(f"allocation {k}: " + "; ".join(problems), flush=True)
                if len(failures) >= 10:
                    break
        print(f"oom-sweep: covered {len(ks)} of {total} allocations of the default job "
              f"(every one up to {min(full, total)}, then every {max(1, total // 250)}th, "
              f"and the last 20); {len(failures)} failed")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
