#!/usr/bin/env python3
"""Hold the fronts' help texts and the usage pages to the one settings table.

    check_usage.py SOURCE_ROOT PLUGIN_HELP TOOL_HELP TIDY_CONFIG

The table: the Settings rows of checks/program/Options.cpp (name, value,
help, the tool's value, clang-tidy's name). PLUGIN_HELP: what the plugin's
`help` prints; TOOL_HELP: `initcheck --help` and `initcheck check --help`;
TIDY_CONFIG: `clang-tidy --dump-config` with the initcheck checks. The
fronts must say what the table says, and the pages must list exactly the
settings of the table:

- docs/usage-plugin.md, "## Arguments": every setting, `name[=VALUE]`, in
  the table's order;
- docs/usage-tidy.md, "## Options": every option clang-tidy has, the
  table's ones with their plugin argument, clang-tidy's own with "none";
- docs/usage-check.md and docs/usage-link.md: every setting of the tool's
  usage line, `--name[=VALUE]`; a setting spelled `--name` or
  `--name=PLACEHOLDER` there is one of the table (with its value) or an
  option of the tool's usage.

Prints one line per problem; exits 1 if there is any.
"""
import os
import re
import sys

FIELDS = ("name", "value", "help", "tool", "tidy")


def split_top(text):
    """Split a braced list's inside at its top-level commas, skipping
    strings and nested brackets."""
    parts, depth, cur, i = [], 0, "", 0
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            cur += text[i:j + 1]
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        parts.append(cur)
    return parts


def literal(expr):
    """The value of a string literal or adjacent literals; None otherwise."""
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', expr)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", expr).strip()
    if not pieces or rest:
        return None
    return "".join(p.encode().decode("unicode_escape") for p in pieces)


def table(root):
    text = open(os.path.join(root, "checks/program/Options.cpp")).read()
    start = text.index("{", text.index("Settings[] ="))
    depth, end = 0, start
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    rows = []
    for row in split_top(text[start + 1:end]):
        row = row.strip()
        fields = split_top(row[1:-1])[:len(FIELDS)]
        values = [literal(f) for f in fields]
        if not row.startswith("{") or None in values:
            raise SystemExit("check_usage: cannot read the Settings row " +
                             " ".join(row.split())[:60])
        rows.append(dict(zip(FIELDS, values)))
    if not rows:
        raise SystemExit("check_usage: no Settings table in Options.cpp")
    return rows


def spelled(row, value):
    return row["name"] + ("=" + value if value and value != "-" else "")


def values(row):
    """How the tool's pages may spell a setting's value: as its usage line
    does, or as the plugin's help does."""
    return {"" if row["tool"] == "-" else row["tool"], row["value"]} - \
        ({""} if row["value"] else set())


def md_table(text, heading):
    part = text.split("\n## " + heading + "\n", 1)
    if len(part) < 2:
        return None
    part = part[1].split("\n## ", 1)[0]
    rows = [l for l in part.splitlines() if l.startswith("|")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]


def code(cell):
    m = re.fullmatch(r"`([^`]+)`", cell)
    return m.group(1) if m else cell


def check_fronts(rows, plugin_help, tool_help, tidy_config, problems):
    got = re.findall(r"^  (\S+) +(.*)$",
                     plugin_help.split("):\n", 1)[-1].split("\nrules:", 1)[0],
                     re.M)
    want = [(spelled(r, r["value"]), r["help"]) for r in rows]
    if got != want:
        problems.append("the plugin's help lists %s, the table %s" % (got, want))
    want = ", ".join("--" + spelled(r, r["tool"]) for r in rows if r["tool"])
    for line in sorted(set(re.findall(r"SETTING: ([^;\n]*)", tool_help))):
        if line != want:
            problems.append("the tool's usage lists %s, the table %s" % (line, want))
    tidy = set(re.findall(r"^  initcheck-section-mismatch\.(\w+):", tidy_config, re.M))
    missing = {r["tidy"] for r in rows if r["tidy"]} - tidy
    if missing:
        problems.append("clang-tidy has no option %s" % ", ".join(sorted(missing)))
    return tidy


def check_pages(root, rows, tool_help, tidy, problems):
    def page(name):
        return "\n" + open(os.path.join(root, "docs", name)).read()

    got = [code(r[0]) for r in md_table(page("usage-plugin.md"), "Arguments") or []]
    want = [spelled(r, r["value"]) for r in rows]
    if got != want:
        problems.append("docs/usage-plugin.md lists %s, the table %s" % (got, want))

    by_tidy = {r["tidy"]: r for r in rows if r["tidy"]}
    listed = set()
    for cells in md_table(page("usage-tidy.md"), "Options") or []:
        opt, arg = code(cells[0]), code(cells[1])
        listed.add(opt)
        if opt in by_tidy:
            want = spelled(by_tidy[opt], by_tidy[opt]["value"])
            if arg != want:
                problems.append("docs/usage-tidy.md: %s is %s, the table %s"
                                % (opt, arg, want))
        elif opt not in tidy:
            problems.append("docs/usage-tidy.md lists %s, which clang-tidy "
                            "does not have" % opt)
        elif not arg.startswith("none"):
            problems.append("docs/usage-tidy.md: %s is clang-tidy's own, not "
                            "a plugin argument" % opt)
    if listed != tidy:
        problems.append("docs/usage-tidy.md lists %s, clang-tidy has %s"
                        % (sorted(listed), sorted(tidy)))

    by_name = {r["name"]: r for r in rows}
    # The tool's own options: what its usage names beside the settings.
    options = set(re.findall(r"--([a-z][a-z-]*)",
                             re.sub(r"SETTING: [^;\n]*", "", tool_help)))
    for name in ("usage-check.md", "usage-link.md"):
        text = re.sub(r"```.*?```", "", page(name), flags=re.S)
        tokens = set(re.findall(r"`--([a-z][a-z-]*)(?:=([^`]*))?`", text))
        for r in rows:
            if r["tool"] and not {(r["name"], v) for v in values(r)} & tokens:
                problems.append("docs/%s does not list --%s"
                                % (name, spelled(r, r["tool"])))
        for opt, value in sorted(tokens):
            # Only a setting's own spelling: `--init-section=.text` is an
            # example of a value.
            if value and not re.fullmatch(r"[A-Z][A-Z_]*(\[,[A-Z_]+\])?", value):
                continue
            r = by_name.get(opt)
            if r and value not in values(r):
                problems.append("docs/%s spells --%s=%s, the table --%s"
                                % (name, opt, value, spelled(r, r["tool"])))
            elif not r and opt not in options:
                problems.append("docs/%s names --%s, which is neither a setting "
                                "nor an option of the tool" % (name, opt))


def main():
    root, plugin_help, tool_help, tidy_config = sys.argv[1:5]
    rows = table(root)
    problems = []
    tool_help = open(tool_help).read()
    tidy = check_fronts(rows, open(plugin_help).read(), tool_help,
                        open(tidy_config).read(), problems)
    check_pages(root, rows, tool_help, tidy, problems)
    for p in problems:
        print("check_usage: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
