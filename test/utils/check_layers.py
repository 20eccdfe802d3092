#!/usr/bin/env python3
"""Check that includes go one way through initcheck's layers.

    check_layers.py SOURCE_ROOT

The core's folders, bottom up (docs/architecture.md): checks/model;
checks/collect, checks/facts and checks/analysis beside each other;
checks/rules; checks/program; checks/reports; then the fronts in
plugin/clang, plugin/tidy and plugin/tool. A file may include its own folder
and the folders below it, never one above it or beside it; a front never
includes another front; runtime/ includes nothing of either. Inside
checks/rules, a rule's header is included only by the registry
(Rules.cpp): rules share engines, never each other. Prints one line per
wrong include and exits 1 if there is any.
"""
import os
import re
import sys

RANK = {"checks/model": 0, "checks/collect": 1, "checks/facts": 1,
        "checks/analysis": 1, "checks/rules": 2, "checks/program": 3,
        "checks/reports": 4, "plugin/clang": 5, "plugin/tidy": 5,
        "plugin/tool": 5}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
RULE_ID = re.compile(r'"initcheck-([a-z-]+)"')


def folder_of(path):
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def main():
    root = sys.argv[1]
    registry = os.path.join(root, "checks/rules/Rules.cpp")
    rule_headers = set()
    if os.path.exists(registry):
        for rule in RULE_ID.findall(open(registry).read()):
            camel = "".join(w.capitalize() for w in rule.split("-"))
            rule_headers.add("checks/rules/%s.h" % camel)
    problems = []
    for top in ("checks", "plugin", "runtime"):
        for dirpath, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith((".h", ".cpp", ".c")):
                    continue
                path = os.path.relpath(os.path.join(dirpath, name), root)
                here = folder_of(path)
                text = open(os.path.join(root, path), errors="replace").read()
                for inc in INCLUDE.findall(text):
                    there = folder_of(inc)
                    if top == "runtime":
                        if there in RANK or inc.startswith(("checks/", "plugin/")):
                            problems.append("%s: the runtime includes %s" % (path, inc))
                        continue
                    if there not in RANK:
                        continue  # LLVM, clang, or a file of its own folder
                    if here not in RANK:
                        problems.append("%s: not in a layer, includes %s" % (path, inc))
                    elif there != here and RANK[there] >= RANK[here]:
                        problems.append("%s: %s includes %s, which is not below it"
                                        % (path, here, inc))
                    elif (inc in rule_headers and
                          path not in ("checks/rules/Rules.cpp",
                                       inc[:-2] + ".cpp")):
                        problems.append("%s: includes the rule %s (rules share "
                                        "engines, not each other)" % (path, inc))
    for p in problems:
        print("check_layers: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
