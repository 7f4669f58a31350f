#!/usr/bin/env python3
"""check_run_folder.py TARGETSIM - the output folder belongs to one run at a
time, and says what it holds (issue 16, item 3).

  manifest   manifest.json lists every file the run wrote, and only those,
             with its size and SHA-256 (checked with hashlib), the command
             line as given, the version (targetsim --version), the seed and
             the draws; it is valid JSON; nothing hidden is left (no lock
             file, no temporary, no render folder).
  stale      a plain run after a --backtest run removes backtest.csv and the
             backtest charts, which the previous manifest lists and it does
             not write; files no manifest lists stay byte for byte: a file
             of the user's, an image named like a chart, and names a
             hand-edited manifest lists outside the folder (../victim.txt),
             hidden (.keep) or in a subfolder (sub/x.txt).
  lock-held  another process holds the flock on DIR/.targetsim.lock with its
             pid in it: the run exits 4 at once with "targetsim: DIR: in use
             by another targetsim run (pid N)", stdout empty, the folder as
             it was (the lock file too).
  lock-run   the same with a real second targetsim started while a first
             one draws: exit 4 naming the first one's pid; the first one
             still finishes (exit 0) and removes the lock file.
  lock-stale a lock file a killed run left (unlocked, another pid in it)
             and a render folder it left (.targetsim-render.XXXXXX): the
             next run takes the lock over, removes the folder and exits 0.
"""
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def run(argv, **kw):
    return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kw)


def tree(folder):
    """Every file under folder (hidden ones and subfolders too): path -> SHA-256."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            out[os.path.relpath(os.path.join(root, d), folder) + "/"] = "<dir>"
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_manifest(exe, work):
    out = os.path.join(work, "m")
    argv = [exe, "--quiet", "--seed", "11", "--draws", "300", "--backtest", "--out", out]
    r = run(argv)
    check(r.returncode == 0, f"manifest: the run failed: {r.returncode} {r.stderr}")
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    version = run([exe, "--version"]).stdout.split()
    check(m.get("generator") == "targetsim", f"manifest: generator {m.get('generator')!r}")
    check(m.get("version") in version, f"manifest: version {m.get('version')!r} not in {version}")
    check(m.get("command_line") == argv, f"manifest: command_line {m.get('command_line')}")
    check(m.get("seed") == 11, f"manifest: seed {m.get('seed')}")
    check(m.get("draws") == 300, f"manifest: draws {m.get('draws')}")
    names = [e["name"] for e in m["files"]]
    check(len(names) == len(set(names)), "manifest: a file is listed twice")
    on_disk = set(os.listdir(out))
    check(set(names) == on_disk - {"manifest.json"},
          f"manifest: lists {sorted(set(names) ^ (on_disk - {'manifest.json'}))[:6]} "
          "differently from the folder")
    check(not [n for n in on_disk if n.startswith(".")],
          f"manifest: hidden files left: {[n for n in on_disk if n.startswith('.')]}")
    for kind in ("report.txt", "report.json", "report.html", "backtest.csv"):
        check(kind in names, f"manifest: {kind} not listed")
    check(any(n.endswith(".png") for n in names) and any(n.endswith(".svg") for n in names),
          "manifest: no image listed")
    for e in m["files"]:
        p = os.path.join(out, e["name"])
        if not os.path.isfile(p):
            continue
        check(os.path.getsize(p) == e["size"], f"manifest: {e['name']} size {e['size']}")
        check(sha256(p) == e["sha256"], f"manifest: {e['name']} SHA-256 differs")
    return out, m


def test_stale(exe, work, folder, first):
    # Files no manifest lists: the user's, one named like a chart.
    user = {"notes.txt": b"mine\n", "indicator-old.png": b"not a chart of this run\n"}
    for name, data in user.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    # A hand-edited manifest naming files it must not reach.
    victim = os.path.join(work, "victim.txt")
    with open(victim, "w") as f:
        f.write("outside\n")
    os.makedirs(os.path.join(folder, "sub"))
    for name in (".keep", "sub/x.txt"):
        with open(os.path.join(folder, name), "w") as f:
            f.write("listed by a forged manifest\n")
    mpath = os.path.join(folder, "manifest.json")
    with open(mpath, encoding="utf-8") as f:
        text = f.read()
    forged = "".join(f'    {{"name": "{n}", "size": 1, "sha256": "00"}},\n'
                     for n in ("../victim.txt", ".keep", "sub/x.txt", "sub"))
    text = text.replace('  "files": [\n', '  "files": [\n' + forged, 1)
    with open(mpath, "w", encoding="utf-8") as f:
        f.write(text)
    kept = {k: v for k, v in tree(folder).items()
            if k in ("notes.txt", "indicator-old.png", ".keep", "sub/", "sub/x.txt")}
    r = run([exe, "--quiet", "--seed", "11", "--draws", "300", "--out", folder])
    check(r.returncode == 0, f"stale: the second run failed: {r.returncode} {r.stderr}")
    left = set(os.listdir(folder))
    backtest = [e["name"] for e in first["files"] if e["name"].startswith("backtest")]
    check(len(backtest) > 4, f"stale: the first run wrote no backtest files: {backtest}")
    check(not (left & set(backtest)), f"stale: not removed: {sorted(left & set(backtest))[:5]}")
    now = tree(folder)
    for k, v in kept.items():
        check(now.get(k) == v, f"stale: {k} was touched")
    check(os.path.exists(victim) and open(victim).read() == "outside\n",
          "stale: ../victim.txt, named by a manifest, was removed")
    with open(mpath, encoding="utf-8") as f:
        m = json.load(f)
    names = {e["name"] for e in m["files"]}
    check(not (names & set(backtest)), "stale: the new manifest lists backtest files")
    check(not (names & set(user)), "stale: the new manifest lists the user's files")
    check(names == left - {"manifest.json", "sub", ".keep"} - set(user),
          f"stale: the new manifest and the folder differ: "
          f"{sorted(names ^ (left - {'manifest.json', 'sub', '.keep'} - set(user)))[:6]}")


def test_lock_held(exe, work):
    out = os.path.join(work, "held")
    os.makedirs(out)
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write("a previous report\n")
    lock = os.path.join(out, ".targetsim.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, f"{os.getpid()}\n".encode())
    before = tree(out)
    t0 = time.monotonic()
    r = run([exe, "--quiet", "--out", out])
    took = time.monotonic() - t0
    check(r.returncode == 4, f"lock-held: exit {r.returncode}, not 4")
    expect = f"targetsim: {out}: in use by another targetsim run (pid {os.getpid()})\n"
    check(r.stderr == expect, f"lock-held: stderr {r.stderr!r}, not {expect!r}")
    check(r.stdout == "", f"lock-held: stdout {r.stdout!r}")
    check(took < 5, f"lock-held: took {took:.1f} s: it should fail at once, before the draws")
    check(tree(out) == before, "lock-held: the folder changed")
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    # Released: the same run goes through and leaves no lock file.
    r = run([exe, "--quiet", "--no-render", "--draws", "100", "--out", out])
    check(r.returncode == 0, f"lock-held: after release: exit {r.returncode} {r.stderr}")
    check(not os.path.exists(lock), "lock-held: the lock file is left after the run")


def test_lock_run(exe, work):
    out = os.path.join(work, "two")
    first = subprocess.Popen([exe, "--quiet", "--no-render", "--draws", "300000", "--out", out],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    lock = os.path.join(out, ".targetsim.lock")
    deadline = time.monotonic() + 30
    held = ""
    while time.monotonic() < deadline and held != f"{first.pid}\n":
        try:
            with open(lock) as f:
                held = f.read()
        except OSError:
            pass
        time.sleep(0.01)
    check(held == f"{first.pid}\n", f"lock-run: the lock file holds {held!r}, not the pid")
    r = run([exe, "--quiet", "--no-render", "--draws", "100", "--out", out])
    running = first.poll() is None
    check(r.returncode == 4, f"lock-run: the second run: exit {r.returncode} {r.stderr}")
    expect = f"targetsim: {out}: in use by another targetsim run (pid {first.pid})\n"
    check(r.stderr == expect or not running, f"lock-run: stderr {r.stderr!r}, not {expect!r}")
    check(running, "lock-run: the first run ended before the second started (too fast)")
    o, e = first.communicate(timeout=600)
    check(first.returncode == 0, f"lock-run: the first run: exit {first.returncode} {e}")
    check(os.path.exists(os.path.join(out, "manifest.json")), "lock-run: no manifest.json")
    check(not os.path.exists(lock), "lock-run: the lock file is left")


def test_lock_stale(exe, work):
    out = os.path.join(work, "stale-lock")
    os.makedirs(os.path.join(out, ".targetsim-render.Ab12Cd"))
    with open(os.path.join(out, ".targetsim-render.Ab12Cd", "fan-gdp.png"), "w") as f:
        f.write("half-drawn\n")
    with open(os.path.join(out, ".targetsim.lock"), "w") as f:
        f.write("999999\n")  # a run killed with SIGKILL; nobody holds the flock
    r = run([exe, "--quiet", "--no-render", "--draws", "100", "--out", out])
    check(r.returncode == 0, f"lock-stale: exit {r.returncode} {r.stderr}")
    left = set(os.listdir(out))
    check(not [n for n in left if n.startswith(".")], f"lock-stale: left {sorted(left)[:5]}")


def main(argv):
    exe = os.path.abspath(argv[1])
    work = tempfile.mkdtemp(prefix="targetsim-folder.")
    try:
        folder, first = test_manifest(exe, work)
        test_stale(exe, work, folder, first)
        test_lock_held(exe, work)
        test_lock_run(exe, work)
        test_lock_stale(exe, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"check_run_folder: {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
