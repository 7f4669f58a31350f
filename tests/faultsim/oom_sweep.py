#!/usr/bin/env python3
"""oom_sweep.py TARGETSIM TARGETSIM_FAULTSIM - out of memory at the
allocations of a run, one failed allocation per run (SQLite's faultsim).

1. The previous outputs: TARGETSIM runs the default job with another seed
   and language (--seed 7 --lang zh: every file differs from what the
   sweep's runs would write) into a folder; its files (hidden ones too)
   and their SHA-256 are the snapshot every failed run must leave as it
   was.
2. Two jobs, both with --threads 1 so that the kth allocation is the same
   in every run, and --draws 200 (the draws allocate per thread, not per
   draw: the default 10000 would only make every run slower):
     plain   --no-render: loading, projecting, the draws, the analyses, the
             reports, the chart scripts, the final step (about 18,000
             allocations, 0.3 s a run);
     render  with gnuplot: the same, plus the private render folder, the
             renderer, reading the images back and report.html (3 s a
             run, so only its own allocation sites are swept).
   TARGETSIM_FAULTSIM runs each once without a failure, tracing every
   allocation's site (the first caller inside the program and its next two
   callers: cJSON's allocations count for the code that called cJSON, and
   ts_buffer's one realloc for the code that wrote the text) and the
   count N.
3. The sweep: for each chosen k, a copy of the previous folder and the job
   with allocation k failing. Each run must exit 1, print exactly one line
   "targetsim: out of memory" (the Monte Carlo store's own "targetsim: out
   of memory: the draws need ..." is accepted) and nothing on stdout, and
   leave the folder as it was: the same files, byte for byte, nothing
   added (no lock file, no temporary, no render folder). Under ASan
   (scripts/test.sh) a leak makes the exit status 23, a failure too.

Which k (most of the ~18,000 allocations are the same few lines building
report.json with cJSON, so failing each of them would prove little and
take an hour and a half):
   plain   every k up to OOM_SWEEP_FIRST (default 100: the start, where
           the data folder is searched and the plan read), the first and
           the last allocation at every site, every OOM_SWEEP_STRIDE-th k
           (default N // 100) and the last 10 (the final step): about
           1,000 runs, 2 to 3 minutes on 2 cores;
   render  the first and the last allocation at every site the plain job
           does not have (about 25 runs).
OOM_SWEEP_QUICK=1 (scripts/test.sh's ASan stage) takes the first at every
site and every k up to 40 only (about 450 runs). OOM_SWEEP_ALL=1 takes
every k of both jobs (hours). OOM_SWEEP_JOBS runs that many at once
(default 2). The output says how many allocations and sites each job has
and how many of them were failed.
"""
import collections
import concurrent.futures
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

DRAWS = ["--draws", "200"]
JOBS = {
    "plain": ["--quiet", "--threads", "1"] + DRAWS + ["--no-render"],
    "render": ["--quiet", "--threads", "1"] + DRAWS,
}
MESSAGE = "targetsim: out of memory"


def snapshot(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            out[name] = "<dir>"
        else:
            with open(path, "rb") as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def where(program, site):
    """A site (offsets joined by '/', see faultsim.c) as 'f file:line < g
    file:line < ...' with addr2line, or as it is."""
    if not site or site == "0":
        return "(unknown site)"
    offsets = site.split("/")
    try:
        r = subprocess.run(["addr2line", "-f", "-C", "-e", program] + offsets,
                           capture_output=True, text=True, timeout=30)
        lines = r.stdout.split("\n")
        if len(lines) >= 2 * len(offsets):
            parts = []
            for i in range(len(offsets)):
                func, loc = lines[2 * i], lines[2 * i + 1].split(" ")[0]
                for root in ("/sim/", "/plots/", "/tests/"):
                    if root in loc:
                        loc = loc[loc.rindex(root) + 1:]
                        break
                parts.append(f"{func} {loc}")
            return " < ".join(parts)
    except (OSError, subprocess.SubprocessError):
        pass
    return site


def trace(faultsim, job, work):
    """The site of every allocation of `job`, in order."""
    path = os.path.join(work, "trace")
    env = dict(os.environ, TARGETSIM_FAULTSIM_TRACE=path)
    env.pop("TARGETSIM_FAULTSIM_FAIL", None)
    r = subprocess.run([faultsim] + job + ["--out", os.path.join(work, "clean")],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"oom-sweep: the run without a failure failed: exit {r.returncode}: "
                         f"{r.stderr}")
    with open(path) as f:
        sites = f.read().split()
    shutil.rmtree(os.path.join(work, "clean"), ignore_errors=True)
    return sites


def choose(sites, skip_sites, quick, everything):
    """The allocations (from 1) to fail: see the module's docstring."""
    n = len(sites)
    if everything:
        return list(range(1, n + 1))
    at = collections.defaultdict(list)
    for k, s in enumerate(sites, 1):
        at[s].append(k)
    ks = set()
    for s, where_ in at.items():
        if s in skip_sites:
            continue
        ks.add(where_[0])
        if not quick:
            ks.add(where_[-1])
    if not skip_sites:
        first = int(os.environ.get("OOM_SWEEP_FIRST", "40" if quick else "100"))
        ks.update(range(1, min(first, n) + 1))
        if not quick:
            stride = int(os.environ.get("OOM_SWEEP_STRIDE", "0")) or max(1, n // 100)
            ks.update(range(stride, n + 1, stride))
            ks.update(range(max(1, n - 9), n + 1))
    return sorted(ks)


def one_run(faultsim, job, k, prev, before, work):
    """Fails allocation k of `job`; returns a list of problems."""
    run_dir = tempfile.mkdtemp(prefix=f"k{k}.", dir=work)
    out = os.path.join(run_dir, "out")
    shutil.copytree(prev, out, symlinks=True)
    report = os.path.join(run_dir, "report")
    env = dict(os.environ, TARGETSIM_FAULTSIM_FAIL=str(k), TARGETSIM_FAULTSIM_REPORT=report)
    env.pop("TARGETSIM_FAULTSIM_TRACE", None)
    try:
        r = subprocess.run([faultsim] + job + ["--out", out], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, env=env, timeout=600)
    except subprocess.TimeoutExpired:
        shutil.rmtree(run_dir, ignore_errors=True)
        return ["no end within 600 s"], "0"
    problems = []
    if r.returncode != 1:
        problems.append(f"exit {r.returncode}")
    lines = r.stderr.splitlines()
    if len(lines) != 1 or not (lines[0] == MESSAGE or lines[0].startswith(MESSAGE + ": ")):
        problems.append(f"stderr {r.stderr[-600:]!r}")
    if r.stdout:
        problems.append(f"stdout {r.stdout[:200]!r}")
    after = snapshot(out)
    if after != before:
        changed = sorted(n for n in set(after) | set(before) if after.get(n) != before.get(n))
        problems.append(f"folder changed: {changed[:8]}")
    site = "0"
    try:
        with open(report) as f:
            parts = f.read().split()
            site = parts[1] if len(parts) > 1 else "0"
    except OSError:
        pass
    shutil.rmtree(run_dir, ignore_errors=True)
    return problems, site


def main(argv):
    plain, faultsim = argv[1], argv[2]
    quick = os.environ.get("OOM_SWEEP_QUICK") == "1"
    everything = os.environ.get("OOM_SWEEP_ALL") == "1"
    workers = int(os.environ.get("OOM_SWEEP_JOBS", "2"))
    start = time.monotonic()
    work = tempfile.mkdtemp(prefix="targetsim-oom.")
    try:
        prev = os.path.join(work, "prev")
        r = subprocess.run([plain, "--quiet", "--seed", "7", "--lang", "zh", "--out", prev],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if r.returncode != 0:
            print("oom-sweep: the previous run failed:", r.stderr)
            return 1
        before = snapshot(prev)
        if "manifest.json" not in before or not any(n.endswith(".png") for n in before):
            print("oom-sweep: the previous run wrote no manifest.json or no image:", before)
            return 1
        failures = []
        plain_sites = None
        for name, job in JOBS.items():
            sites = trace(faultsim, job, work)
            skip = set() if plain_sites is None else set(plain_sites)
            ks = choose(sites, skip, quick, everything and name == "plain")
            if everything and name != "plain":
                ks = list(range(1, len(sites) + 1))
            with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
                results = pool.map(lambda k: (k, one_run(faultsim, job, k, prev, before, work)), ks)
                job_failures = 0
                for k, (problems, site) in results:
                    if problems:
                        job_failures += 1
                        failures.append((name, k))
                        print(f"{name} job, allocation {k} ({where(faultsim, site)}): "
                              + "; ".join(problems), flush=True)
            distinct = len(set(sites))
            own = distinct if plain_sites is None else len(set(sites) - set(plain_sites))
            covered_sites = len({sites[k - 1] for k in ks})
            print(f"oom-sweep: {name} job ({' '.join(job)}): {len(sites)} allocations at "
                  f"{distinct} sites; failed {len(ks)} of them, one per run, covering "
                  f"{covered_sites} of the {own} sites {'' if plain_sites is None else 'only it has '}"
                  f"({'quick sample' if quick else 'all' if everything else 'sample'}); "
                  f"{job_failures} went wrong", flush=True)
            if plain_sites is None:
                plain_sites = sites
        print(f"oom-sweep: {time.monotonic() - start:.0f} s, {workers} at a time")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
