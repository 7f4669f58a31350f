#!/usr/bin/env python3
"""check_man.py - targetsim(1) and --help document the same options.

Usage: check_man.py TARGETSIM MAN_PAGE CLI_OPTIONS_C

MAN_PAGE is the page CMake writes into the build tree from man/targetsim.1.in
(the one installed); its .TH line must name the version `targetsim --version`
prints (both come from project(VERSION) in CMakeLists.txt).

The options are read from three places and must agree:
  - `targetsim --help`: every line that starts with an option;
  - the man page's OPTIONS section (the .TP tags of the roff source), and
    every one of them also in its SYNOPSIS;
  - the option parser's source (sim/cli/cli_options.c): every string literal
    that is an option name (so an option added to the parser but to neither
    document fails here).
Then, when man(1) is installed, the page is rendered with `man -l`: no roff
warning, and every option shows in the rendered OPTIONS section and the
exit statuses 0-4, 130 and 143 in EXIT STATUS. Without man(1) the source checks still run
and the test reports itself skipped (77); scripts/setup.sh installs man-db.
"""

import os
import re
import shutil
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def roff_sections(text):
    """Section name -> its lines, with \\- turned into -."""
    sections, name = {}, None
    for line in text.replace("\\-", "-").splitlines():
        if line.startswith(".SH "):
            name = line[4:].strip().strip('"')
            sections[name] = []
        elif name:
            sections[name].append(line)
    return sections


def man_options(text):
    lines = roff_sections(text).get("OPTIONS", [])
    opts = set()
    for prev, line in zip(lines, lines[1:]):
        if prev.strip() == ".TP":
            opts |= set(OPTION.findall(line))
    return opts


def main():
    targetsim, page, parser_c = sys.argv[1:4]
    help_text = subprocess.run([targetsim, "--help"], capture_output=True, text=True,
                               check=True).stdout
    help_opts = set()
    for line in help_text.splitlines():
        m = re.match(r"^\s+(-[^\s].*?)(\s{2,}|$)", line)
        if m:
            help_opts |= set(OPTION.findall(m.group(1)))
    with open(page, encoding="utf-8") as f:
        roff = f.read()
    man_opts = man_options(roff)
    with open(parser_c, encoding="utf-8") as f:
        parser_opts = set(re.findall(r'"(--?[a-z][a-z-]*)"', f.read()))

    if not help_opts or not man_opts:
        fail("no options found (help: %s, man: %s)" % (sorted(help_opts), sorted(man_opts)))
    for o in sorted(help_opts - man_opts):
        fail("%s is in --help but not in the man page's OPTIONS" % o)
    for o in sorted(man_opts - help_opts):
        fail("%s is in the man page but not in --help" % o)
    for o in sorted(parser_opts - help_opts):
        fail("the option parser accepts %s, which --help does not list" % o)
    for o in sorted(help_opts - parser_opts):
        fail("--help lists %s, which the option parser does not know" % o)
    synopsis = " ".join(roff_sections(roff).get("SYNOPSIS", []))
    for o in sorted(man_opts):
        if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(o), synopsis):
            fail("%s is not in the man page's SYNOPSIS" % o)
    print("options: %s" % " ".join(sorted(help_opts)))
    version = subprocess.run([targetsim, "--version"], capture_output=True, text=True,
                             check=True).stdout.split()
    th = re.search(r'^\.TH .*"targetsim ([^"]*)"', roff, re.M)
    if not th or not version or th.group(1) != version[-1]:
        fail("the man page's .TH names %s, targetsim --version says %s"
             % (th.group(1) if th else "no version", " ".join(version)))

    man = shutil.which("man")
    if not man:
        print("man(1) is not installed: rendering not checked (scripts/setup.sh installs man-db)")
        return 1 if failures else 77
    env = dict(os.environ, MANWIDTH="100", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    r = subprocess.run([man, "--warnings", "-E", "UTF-8", "-l", page], capture_output=True,
                       text=True, env=env)
    if r.returncode != 0:
        fail("man -l exited %d" % r.returncode)
    if r.stderr.strip():
        fail("man --warnings: %s" % r.stderr.strip())
    rendered = re.sub(r".\x08", "", r.stdout)  # overstrike bold/underline, if any
    sections, name = {}, None
    for line in rendered.splitlines():
        if re.match(r"^[A-Z][A-Z ]+$", line):
            name = line.strip()
            sections[name] = []
        elif name:
            sections[name].append(line)
    shown = set()
    for line in sections.get("OPTIONS", []):
        if re.match(r"^\s{1,8}-", line):  # a tag line, not the body text
            shown |= set(OPTION.findall(line))
    for o in sorted(help_opts - shown):
        fail("man -l does not show %s as an option" % o)
    exits = " ".join(sections.get("EXIT STATUS", []))
    for code in ("0", "1", "2", "3", "4", "130", "143"):
        if not re.search(r"(^|\s)%s(\s|,|$)" % code, exits):
            fail("EXIT STATUS does not list %s" % code)
    for var in ("TARGETSIM_DATA_DIR", "TARGETSIM_TEMPLATE_DIR"):
        if var not in " ".join(sections.get("ENVIRONMENT", [])):
            fail("ENVIRONMENT does not describe %s" % var)
    if failures:
        return 1
    print("man -l shows all %d options, exit statuses 0-4, 130 and 143 and the environment"
          % len(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
