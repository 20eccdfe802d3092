#!/usr/bin/env python3
"""Every rule is one id, one source pair, one doc page and one test.

    check_rules.py SOURCE_ROOT RULES_OUTPUT

For each id of `initcheck rules` (RULES_OUTPUT): checks/rules/<CamelId>.h
and .cpp, docs/checks/<name>.md and test/rules/<name>.c exist; every file of
test/rules/ is such a test or a companion <name>-<case>.c, and runs the rule
through every front: the plugin (%initcheck_cc1 or
-fplugin=%initcheck_plugin), clang-tidy and `initcheck check`
(%compare_fronts, or %check_initcheck_tidy and `%initcheck check`). The id's
string is written once in checks/ and plugin/ (the registry's row).
docs/usage-tidy.md's check table is the registry's, and its
--warnings-as-errors line leaves out exactly the advice rules. Prints one
line per problem; exits 1 if there is any.
"""
import os
import re
import sys

# %compare_fronts runs the plugin, clang-tidy and `initcheck check` on one
# input and fails unless all three agree (test/utils/compare_fronts.py).
FRONTS = {"the plugin": ("%initcheck_cc1", "-fplugin=%initcheck_plugin"),
          "clang-tidy": ("%check_initcheck_tidy", "%compare_fronts"),
          "initcheck check": ("%initcheck check", "%compare_fronts")}


def sources(root):
    for top in ("checks", "plugin"):
        for d, dirs, fs in os.walk(os.path.join(root, top)):
            dirs.sort()
            for f in sorted(fs):
                if f.endswith((".h", ".cpp", ".c")):
                    path = os.path.join(d, f)
                    yield os.path.relpath(path, root), open(path).read()


def check_tests(root, names):
    """Each file of test/rules/ is a rule's test, <name>.c, or a companion,
    <name>-<case>.c, and runs every front."""
    problems = []
    folder = os.path.join(root, "test/rules")
    for f in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        owner = [n for n in names if f == n + ".c" or f.startswith(n + "-")]
        if not owner:
            problems.append("test/rules/%s is no rule's test" % f)
            continue
        runs = "\n".join(l for l in open(os.path.join(folder, f)).read()
                         .splitlines() if "RUN:" in l)
        for front, spellings in FRONTS.items():
            if not any(s in runs for s in spellings):
                problems.append("initcheck-%s: test/rules/%s does not run %s"
                                % (max(owner, key=len), f, front))
    return problems


def check_tidy_page(root, rules):
    """docs/usage-tidy.md's check table is the registry's, row by row, and
    its --warnings-as-errors line makes exactly the error rules errors."""
    path = os.path.join(root, "docs/usage-tidy.md")
    if not os.path.exists(path):
        return ["no docs/usage-tidy.md"]
    text = open(path).read()
    got = re.findall(r"^\| \[(initcheck-[a-z-]+)\]\(checks/([a-z-]+)\.md\) \| "
                     r"(\w+) \|$", text, re.M)
    want = [(rid, rid[len("initcheck-"):], sev) for rid, sev in rules]
    problems = []
    if got != want:
        problems.append("docs/usage-tidy.md's checks are %s, the registry's %s"
                        % ([g[0] + " " + g[2] for g in got],
                           [w[0] + " " + w[2] for w in want]))
    line = re.search(r"--warnings-as-errors='([^']*)'", text)
    want = ",".join(["initcheck-*"] + ["-" + rid for rid, sev in rules
                                        if sev == "advice"])
    if not line or line.group(1) != want:
        problems.append("docs/usage-tidy.md's --warnings-as-errors is %s, "
                        "the registry's advice rules make it '%s'"
                        % (line.group(1) if line else "missing", want))
    return problems


def main():
    root, rules_file = sys.argv[1], sys.argv[2]
    code = list(sources(root))
    problems, names, rules = [], [], []
    for line in open(rules_file).read().splitlines():
        rid = line.split("\t")[0]
        rules.append((rid, line.split("\t")[1]))
        name = rid[len("initcheck-"):]
        camel = "".join(w.capitalize() for w in name.split("-"))
        for path in ("checks/rules/%s.h" % camel, "checks/rules/%s.cpp" % camel,
                     "docs/checks/%s.md" % name, "test/rules/%s.c" % name):
            if not os.path.exists(os.path.join(root, path)):
                problems.append("%s: no %s" % (rid, path))
        names.append(name)
        quoted = '"%s"' % rid
        where = ["%s (%d)" % (p, t.count(quoted)) for p, t in code if quoted in t]
        if sum(t.count(quoted) for _, t in code) != 1:
            problems.append("%s: written %s times in checks/ and plugin/: %s"
                            % (rid, sum(t.count(quoted) for _, t in code),
                               ", ".join(where) or "nowhere"))
    problems += check_tests(root, names)
    problems += check_tidy_page(root, rules)
    for p in problems:
        print("check_rules: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
