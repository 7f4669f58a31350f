#!/usr/bin/env python3
"""check_signals.py TARGETSIM - interruptions lose nothing (issue 16, item 4).

A folder holds a previous run's outputs (--seed 3, with charts). Then a
run into it is sent a signal at several points:

  draws-int     SIGINT while the Monte Carlo draws run (--no-render)
  draws-term    SIGTERM likewise
  draws-new     SIGTERM while drawing into a folder that did not exist: it
                does not exist afterwards either
  render-term   SIGTERM while gnuplot draws (the private render folder
                exists and gnuplot children run)
  render-int-pg SIGINT to the whole process group while gnuplot draws, as
                Ctrl-C in a terminal does (gnuplot gets it too)
  render-new    SIGTERM while gnuplot draws into a new folder

Each time: exit 130 (SIGINT) or 143 (SIGTERM), stderr exactly "targetsim:
interrupted by SIGNAL; no file was changed", the folder byte for byte as it
was, hidden files included (no lock file, no temporary, no render folder
left; a new folder gone), and none of the gnuplot processes the run had
started still running. Finally a run with nothing interrupting it leaves
the folder complete again (exit 0, manifest.json listing what is there).
"""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def tree(folder):
    if not os.path.exists(folder):
        return None
    out = {}
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            out[os.path.relpath(os.path.join(root, d), folder) + "/"] = "<dir>"
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def children(pid):
    """The pids of pid's child processes named gnuplot."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if ppid == pid and name == "gnuplot":
            found.append(int(entry))
    return found


def alive(pid):
    """Running (not gone, not a zombie waiting for its parent)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def wait_for(cond, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.005)
    return False


def interrupt(exe, name, out, args, sig, when, group=False):
    before = tree(out)
    p = subprocess.Popen([exe, "--quiet"] + args + ["--out", out], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=group)
    seen = []
    if when == "draws":
        # The lock is taken before the draws; half a second on, they run.
        ok = wait_for(lambda: os.path.exists(os.path.join(out, ".targetsim.lock")), 60)
        time.sleep(0.5)
    else:
        def rendering():
            seen[:] = children(p.pid)
            return bool(seen)
        ok = wait_for(rendering, 120)
        time.sleep(0.2)
        seen[:] = sorted(set(seen) | set(children(p.pid)))
    check(ok and p.poll() is None, f"{name}: the run did not reach the {when} in time "
          f"(exit {p.poll()})")
    if group:
        os.killpg(p.pid, sig)
    else:
        p.send_signal(sig)
    try:
        out_text, err_text = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        out_text, err_text = p.communicate()
        check(False, f"{name}: still running 60 s after the signal")
    code = 128 + sig
    signame = "SIGINT" if sig == signal.SIGINT else "SIGTERM"
    check(p.returncode == code, f"{name}: exit {p.returncode}, not {code}")
    expect = f"targetsim: interrupted by {signame}; no file was changed\n"
    check(err_text == expect, f"{name}: stderr {err_text!r}, not {expect!r}")
    check(out_text == "", f"{name}: stdout {out_text!r}")
    after = tree(out)
    if before is None:
        check(after is None, f"{name}: the new folder was left: {sorted(after or {})[:6]}")
    else:
        changed = sorted(k for k in set(before) | set(after or {})
                         if before.get(k) != (after or {}).get(k))
        check(after == before, f"{name}: the folder changed: {changed[:8]}")
    if when == "render":
        check(seen, f"{name}: no gnuplot child was seen")
        left = [c for c in seen if wait_for(lambda c=c: not alive(c), 5) is False]
        check(not left, f"{name}: gnuplot still running: {left}")


def main(argv):
    exe = os.path.abspath(argv[1])
    if not shutil.which("gnuplot"):
        print("check_signals: gnuplot is not installed: skipped")
        return 77
    work = tempfile.mkdtemp(prefix="targetsim-signals.")
    try:
        out = os.path.join(work, "out")
        r = subprocess.run([exe, "--quiet", "--seed", "3", "--out", out],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if r.returncode != 0:
            print("check_signals: the previous run failed:", r.stderr)
            return 1
        with open(os.path.join(out, "notes.txt"), "w") as f:
            f.write("the user's own file\n")
        draws = ["--no-render", "--draws", "2000000"]
        interrupt(exe, "draws-int", out, draws, signal.SIGINT, "draws")
        interrupt(exe, "draws-term", out, draws, signal.SIGTERM, "draws")
        interrupt(exe, "draws-new", os.path.join(work, "new", "deeper"), draws, signal.SIGTERM,
                  "draws")
        check(not os.path.exists(os.path.join(work, "new")), "draws-new: new/ was left")
        interrupt(exe, "render-term", out, [], signal.SIGTERM, "render")
        interrupt(exe, "render-int-pg", out, [], signal.SIGINT, "render", group=True)
        interrupt(exe, "render-new", os.path.join(work, "fresh"), [], signal.SIGTERM, "render")
        # Uninterrupted, the folder is whole again.
        r = subprocess.run([exe, "--quiet", "--out", out], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True)
        check(r.returncode == 0, f"after: exit {r.returncode} {r.stderr}")
        left = set(os.listdir(out))
        check("manifest.json" in left and not [n for n in left if n.startswith(".")],
              f"after: {sorted(n for n in left if n.startswith('.'))}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"check_signals: {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
