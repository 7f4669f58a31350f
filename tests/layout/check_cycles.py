#!/usr/bin/env python3
"""check_cycles.py - no circle among the files of a folder.

For every folder of the engine (each sim/<role>/, models/, plots/) this
builds the graph "file A calls a function defined in file B" from the
sources (a function defined at the start of a line, called as `name(`
elsewhere; comments and strings removed) and fails when two or more files
of one folder reach each other: a circle means the folder has no order in
which its files can be read, which is what issue 11 asked to be rid of.
Between folders the calls are printed as information only: the run
(engine/run.c) calls the analyses it carries and they call the projection,
so the roles form layers inside one library, not a strict order.

Usage: check_cycles.py SOURCE_DIR
"""
import os
import re
import sys

DEF = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*?\b([a-z_][a-z0-9_]*)\s*\([^;]*$', re.M)
STATIC_DEF = re.compile(r'^static\b[\w \*]*?\b([a-z_][a-z0-9_]*)\s*\(', re.M)
CALL = re.compile(r'\b([a-z_][a-z0-9_]*)\s*\(')
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "defined"}


def strip(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'//[^\n]*', ' ', text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"'(?:\\.|[^'\\\n])'", "''", text)


def sources(root, folders):
    files = {}
    for folder in folders:
        path = os.path.join(root, folder)
        for name in sorted(os.listdir(path)):
            if name.endswith('.c'):
                with open(os.path.join(path, name), encoding='utf-8') as f:
                    files[os.path.join(folder, name)] = strip(f.read())
    return files


def call_graph(files):
    owner = {}
    for name, text in files.items():
        for m in DEF.finditer(text):
            if m.group(1) not in KEYWORDS:
                owner.setdefault(m.group(1), name)
    graph = {name: set() for name in files}
    for name, text in files.items():
        local = set(STATIC_DEF.findall(text))
        for m in CALL.finditer(text):
            callee = m.group(1)
            if callee in local or callee in KEYWORDS:
                continue
            target = owner.get(callee)
            if target and target != name:
                graph[name].add(target)
    return graph


def circles(nodes, edges):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def main():
    root = sys.argv[1]
    roles = sorted(d for d in os.listdir(os.path.join(root, 'sim'))
                   if os.path.isdir(os.path.join(root, 'sim', d)) and d != 'include')
    folders = ['sim/' + r for r in roles] + ['models', 'plots']
    files = sources(root, folders)
    graph = call_graph(files)
    failures = 0
    for folder in folders:
        members = {f for f in files if os.path.dirname(f) == folder}
        sub = {f: graph[f] & members for f in members}
        for comp in circles(members, sub):
            print(f"FAIL: {folder}: files call each other in a circle: {', '.join(comp)}")
            failures += 1
    # Between folders: the graph of folders must have no circle either.
    fgraph = {}
    for f, callees in graph.items():
        for c in callees:
            a, b = os.path.dirname(f), os.path.dirname(c)
            if a != b:
                fgraph.setdefault(a, set()).add(b)
    for comp in circles(set(folders), fgraph):
        print(f"note: folders that call each other: {', '.join(comp)}")
        for a in comp:
            for b in sorted(fgraph.get(a, ())):
                if b in comp:
                    why = sorted({f"{f} -> {c}" for f in files if os.path.dirname(f) == a
                                  for c in graph[f] if os.path.dirname(c) == b})
                    print(f"  {a} -> {b}: {'; '.join(why[:4])}")
    print(f"{len(files)} files in {len(folders)} folders, "
          f"{sum(len(v) for v in graph.values())} file-to-file calls; {failures} circle(s)")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
