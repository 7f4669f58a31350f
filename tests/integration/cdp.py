"""cdp.py - a tiny Chrome DevTools Protocol client for the browser tests.

Starts headless Chromium with --remote-debugging-pipe (commands on fd 3,
replies on fd 4, NUL-separated JSON), opens one page and records what a
reader's browser would report: console messages, uncaught exceptions, log
entries (failed loads, CSP violations) and every network request.

Python 3 standard library only. Usage:

    with Browser(chromium_path) as b:
        page = b.open("file:///tmp/x/report.html")
        page.console_errors()     # list of strings
        page.eval("document.title")
        page.print_pdf()          # bytes
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

# The flags a root user in a container without network needs: no sandbox,
# no GPU, and nothing that phones home (without them Chromium can hang
# waiting for the network).
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio",
    "--remote-debugging-pipe",
]


def find_chromium():
    """The Chromium executable: $TARGETSIM_CHROMIUM, else the first of the
    usual names on PATH; None when there is none."""
    env = os.environ.get("TARGETSIM_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class CDPError(Exception):
    pass


class Browser:
    def __init__(self, chromium, timeout=60):
        self.chromium = chromium
        self.timeout = timeout
        self.proc = None
        self.profile = None
        self.buf = b""
        self.next_id = 0
        self.events = []

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="targetsim-chromium-")
        cmd_r, self.cmd_w = os.pipe()
        self.reply_r, reply_w = os.pipe()

        def child_fds():
            # Move both ends out of the way first, so that neither dup2
            # overwrites the other whatever numbers the pipes got.
            high_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(reply_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        # pass_fds keeps 3 and 4 open: subprocess closes the other
        # descriptors after preexec_fn has run.
        self.proc = subprocess.Popen(
            [self.chromium, *FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(reply_w)
        return self

    def __exit__(self, *exc):
        try:
            if self.proc and self.proc.poll() is None:
                try:
                    self._send("Browser.close")
                    self.proc.wait(10)
                except Exception:
                    pass
        finally:
            if self.proc and self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for fd in (self.cmd_w, self.reply_r):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self.profile, ignore_errors=True)
        return False

    def _send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def _recv(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                raise CDPError("timed out waiting for Chromium")
            ready, _, _ = select.select([self.reply_r], [], [], left)
            if not ready:
                continue
            data = os.read(self.reply_r, 1 << 16)
            if not data:
                raise CDPError("Chromium closed the pipe (exit status %s)" % self.proc.poll())
            self.buf += data
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        """Sends a command and returns its result; events that arrive in
        between are kept in self.events."""
        wanted = self._send(method, params, session)
        deadline = time.time() + self.timeout
        while True:
            msg = self._recv(deadline)
            if msg.get("id") == wanted:
                if "error" in msg:
                    raise CDPError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, method, session):
        deadline = time.time() + self.timeout
        seen = lambda: any(e.get("method") == method and e.get("sessionId") == session
                           for e in self.events)
        while not seen():
            self.events.append(self._recv(deadline))

    def open(self, url):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable", {}, session)
        self.call("Page.navigate", {"url": url}, session)
        self.wait_event("Page.loadEventFired", session)
        return Page(self, session, url)


class Page:
    def __init__(self, browser, session, url):
        self.b = browser
        self.session = session
        self.url = url

    def _events(self, *methods):
        return [e for e in self.b.events
                if e.get("sessionId") == self.session and e.get("method") in methods]

    def eval(self, expression, await_promise=False):
        result = self.b.call("Runtime.evaluate",
                             {"expression": expression, "returnByValue": True,
                              "awaitPromise": await_promise}, self.session)
        if "exceptionDetails" in result:
            raise CDPError("%s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def console_errors(self):
        """Every error a reader's console would show: console.error and
        console.assert calls, uncaught exceptions, and error log entries
        (failed loads, blocked content, CSP violations)."""
        out = []
        for e in self._events("Runtime.consoleAPICalled"):
            p = e["params"]
            if p.get("type") in ("error", "assert"):
                out.append("console.%s: %s" % (p["type"], " ".join(
                    str(a.get("value", a.get("description", ""))) for a in p.get("args", []))))
        for e in self._events("Runtime.exceptionThrown"):
            out.append("exception: %s" % e["params"]["exceptionDetails"].get("text"))
        for e in self._events("Log.entryAdded"):
            entry = e["params"]["entry"]
            if entry.get("level") == "error":
                out.append("log (%s): %s %s" % (entry.get("source"), entry.get("text"),
                                                entry.get("url", "")))
        return out

    def requests(self):
        """URLs the page asked for, except data: URIs."""
        urls = [e["params"]["request"]["url"] for e in self._events("Network.requestWillBeSent")]
        return [u for u in urls if not u.startswith("data:")]

    def print_pdf(self):
        result = self.b.call("Page.printToPDF",
                             {"preferCSSPageSize": True, "printBackground": True},
                             self.session)
        return base64.b64decode(result["data"])
