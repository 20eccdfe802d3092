#!/usr/bin/env python3
"""No file in checks/ or plugin/ over 400 lines, none in runtime/src over
450, and no function in any of them over 100 lines.

    check_sizes.py SOURCE_ROOT

A function is a line that ends in '{' at the start of a line (or at two
spaces, a member in a class body) through its matching '}' at the same
indentation; lambdas and nested blocks count toward the function around
them. Prints one line per file or function over its limit; exits 1 if any.
"""
import os
import re
import sys

KEYWORDS = {"if", "for", "while", "switch", "return", "do", "else", "sizeof"}
LIMITS = [("checks", 400), ("plugin", 400), ("runtime/src", 450)]


def functions(lines):
    """(name, first line, length) of each function defined at column 0, or
    at column 2 (members in a class body): from the line its declaration
    starts on to the '}' that closes it at the same indentation."""
    for indent in ("", "  "):
        start = None
        for i, line in enumerate(lines):
            if not line.startswith(indent) or line[len(indent):len(indent) + 1] in ("", " ", "}", "#", "/"):
                if line == indent + "}" and start is not None:
                    text = " ".join(l.strip() for l in lines[start:i + 1])
                    head = text.split("{", 1)[0]
                    name = re.search(r"([A-Za-z_~][\w:~]*)\s*\(", head)
                    if name and name.group(1) not in KEYWORDS and not head.lstrip().startswith(
                            ("namespace", "struct", "class", "enum", "typedef")):
                        yield name.group(1), start + 1, i - start + 1
                    start = None
                continue
            if line.rstrip().endswith(";") and start is None:
                continue
            if start is None:
                start = i
            if line.rstrip().endswith(";") and "{" not in " ".join(lines[start:i + 1]):
                start = None  # a declaration, not a definition


def main():
    root = sys.argv[1]
    problems = []
    for top, limit in LIMITS:
        for d, dirs, fs in os.walk(os.path.join(root, top)):
            dirs.sort()
            for f in sorted(fs):
                if not f.endswith((".h", ".cpp", ".c")):
                    continue
                path = os.path.join(d, f)
                rel = os.path.relpath(path, root)
                lines = open(path, errors="replace").read().split("\n")
                if lines and lines[-1] == "":
                    lines.pop()
                if len(lines) > limit:
                    problems.append("%s: %d lines (at most %d)" % (rel, len(lines), limit))
                for name, line, length in functions(lines):
                    if length > 100:
                        problems.append("%s:%d: %s is %d lines (at most 100)"
                                        % (rel, line, name, length))
    for p in problems:
        print("check_sizes: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
