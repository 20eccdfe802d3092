#!/usr/bin/env python3
"""Hold README.md's tables to the tree.

    check_readme.py SOURCE_ROOT RULES_OUTPUT

Rules: the "## Rules" table is `initcheck rules` (RULES_OUTPUT: one
"id<TAB>severity<TAB>summary" line per rule), row by row, each id linking
its page under docs/checks/. Layout: every path in the "## Layout" table
exists, and every top-level folder and every folder of checks/ has a row.
Prints one line per problem; exits 1 if there is any.
"""
import os
import re
import subprocess
import sys


def table(text, heading):
    part = text.split("\n## " + heading + "\n", 1)[1].split("\n## ", 1)[0]
    rows = [l for l in part.splitlines() if l.startswith("|")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]


def main():
    root, rules_file = sys.argv[1], sys.argv[2]
    text = "\n" + open(os.path.join(root, "README.md")).read()
    problems = []
    want = []
    for line in open(rules_file).read().splitlines():
        rid, sev, summary = line.split("\t")
        name = rid[len("initcheck-"):]
        want.append(["[%s](docs/checks/%s.md)" % (rid, name), sev, summary])
    got = table(text, "Rules")
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else None
        g = got[i] if i < len(got) else None
        if w != g:
            problems.append("rule row %d is %s, the registry says %s" % (i + 1, g, w))
    paths = []
    for row in table(text, "Layout"):
        m = re.fullmatch(r"`([^`]+)`", row[0])
        if not m:
            problems.append("layout row without a `path`: " + row[0])
            continue
        paths.append(m.group(1).rstrip("/"))
        if not os.path.exists(os.path.join(root, m.group(1))):
            problems.append("layout names %s, which does not exist" % m.group(1))
    tracked = subprocess.run(["git", "-C", root, "ls-files"], capture_output=True,
                             text=True).stdout.splitlines()
    if not tracked:  # not a git tree (the test's own sample)
        tracked = [os.path.relpath(os.path.join(d, f), root)
                   for d, _, fs in os.walk(root) for f in fs]
    folders = set()
    for f in tracked:
        parts = f.split("/")
        if len(parts) > 1:
            folders.add(parts[0])
        if len(parts) > 2 and parts[0] == "checks":
            folders.add("checks/" + parts[1])
    for f in sorted(folders):
        if f not in paths:
            problems.append("layout has no row for %s/" % f)
    for p in problems:
        print("check_readme: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
