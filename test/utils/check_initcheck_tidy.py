#!/usr/bin/env python3
"""Run clang-tidy-19 with initcheck's module on one test file and check it.

    check_initcheck_tidy.py [options] INPUT CHECKS TEMP [TIDY_ARGS] [-- CLANG_FLAGS]

The test file holds FileCheck directives in comments:

  CHECK-MESSAGES: warnings and errors; any other warning or error fails.
  CHECK-NOTES:    warnings, errors and notes; any other one fails.
  CHECK-FIXES:    the file after -fix, line by line (--match-full-lines).

The input is copied to TEMP plus its extension, with every CHECK-* directive
blanked to "//" so line numbers stay and the fixed file cannot match its own
directives; clang-tidy runs on the copy with `--checks=-*,CHECKS` and
`--config={}` (so no .clang-tidy above the test tree applies) unless
TIDY_ARGS bring a configuration. Debian ships no check_clang_tidy.py; this is
the part of it the tests need.
"""

import argparse
import os
import re
import subprocess
import sys

DIRECTIVE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:[^\r\n]*")


def fail(message, output=None):
    sys.stderr.write("check_initcheck_tidy: error: %s\n" % message)
    if output:
        sys.stderr.write("------ clang-tidy output ------\n%s"
                         "-------------------------------\n" % output)
    sys.exit(1)


def run(command):
    sys.stdout.write("Running: %s\n" % " ".join(command))
    sys.stdout.flush()
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def filecheck(args, check_file, input_file, prefixes, extra, what):
    # --allow-empty: clang-tidy prints nothing at all for a clean file.
    command = [args.filecheck, "-input-file=" + input_file, check_file,
               "-check-prefixes=" + ",".join(prefixes), "--allow-empty"]
    command += extra
    code, output = run(command)
    if code != 0:
        sys.stderr.write(output)
        with open(input_file) as f:
            fail("FileCheck failed on the %s" % what, f.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--load", required=True, help="initcheck-tidy.so")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("-fix", action="store_true",
                        help="apply the fix-its and check CHECK-FIXES")
    parser.add_argument("-clean-after-fix", action="store_true",
                        help="with -fix: the fixed file must compile and "
                        "give no diagnostic")
    parser.add_argument("-check-suffixes", default="",
                        help="A,B: CHECK-MESSAGES-A, CHECK-MESSAGES-B, ... "
                        "instead of CHECK-MESSAGES (an empty item keeps it)")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    args, rest = parser.parse_known_args()

    # TIDY_ARGS [-- CLANG_FLAGS]; lit tests often write "-- -- FLAGS".
    if "--" in rest:
        cut = rest.index("--")
        tidy_args, clang_flags = rest[:cut], rest[cut + 1:]
    else:
        tidy_args, clang_flags = rest, []
    if clang_flags and clang_flags[0] == "--":
        clang_flags = clang_flags[1:]

    # "-check-suffixes=,COMPAT": the plain prefixes and the -COMPAT ones.
    suffixes = args.check_suffixes.split(",")
    def prefixes(kind):
        return [kind + ("-" + s if s else "") for s in suffixes]

    with open(args.input) as f:
        text = f.read()
    # Only the prefixes the file uses: FileCheck rejects unused ones.
    def used(kind):
        return [p for p in prefixes(kind)
                if re.search(re.escape(p) + r"(-NOT|-NEXT|-SAME|-DAG)?:", text)]
    messages_prefixes = used("CHECK-MESSAGES")
    notes_prefixes = used("CHECK-NOTES")
    # CHECK-FIXES apply to the RUN lines with -fix; the others leave the
    # file alone.
    fixes_prefixes = used("CHECK-FIXES") if args.fix else []
    has_messages, has_notes = bool(messages_prefixes), bool(notes_prefixes)
    has_fixes = bool(fixes_prefixes)
    if args.fix and not has_fixes:
        fail("-fix without CHECK-FIXES")
    if args.clean_after_fix and not args.fix:
        fail("-clean-after-fix without -fix")

    temp = args.temp + os.path.splitext(args.input)[1]
    with open(temp, "w") as f:
        f.write(DIRECTIVE.sub("//", text))

    def clang_tidy(checks, extra):
        command = [args.clang_tidy, "--load=" + args.load,
                   "--checks=-*," + checks, temp]
        if not any(a.startswith(("--config", "-config")) for a in tidy_args):
            command.append("--config={}")
        return run(command + extra + tidy_args + ["--"] + clang_flags)

    # A non-zero status is a compile error (or --warnings-as-errors, which
    # these tests check with FileCheck directly).
    code, output = clang_tidy(args.checks, ["-fix"] if args.fix else [])
    if code != 0:
        fail("clang-tidy exited with %d" % code, output)

    # No directives at all: the file must be clean.
    if not (has_messages or has_notes or has_fixes):
        if re.search(r"\b(warning|error):", output):
            fail("a diagnostic in a test without CHECK lines", output)

    if has_messages:
        messages = args.temp + ".msg"
        with open(messages, "w") as f:
            f.write(output)
        filecheck(args, args.input, messages, messages_prefixes,
                  ["-implicit-check-not={{warning|error}}:"], "messages")
    if has_notes:
        notes = args.temp + ".notes"
        with open(notes, "w") as f:
            f.write("".join(l for l in output.splitlines(True)
                            if "note: FIX-IT applied" not in l))
        filecheck(args, args.input, notes, notes_prefixes,
                  ["-implicit-check-not={{note|warning|error}}:"], "notes")
    if has_fixes:
        filecheck(args, args.input, temp, fixes_prefixes,
                  ["--match-full-lines"], "fixed file")

    if args.clean_after_fix:
        # Every check this module has, not only the ones under test: a fix
        # must not trade one finding for another. clang-tidy also reports
        # any compile error in the fixed file.
        code, output = clang_tidy("initcheck-*", [])
        if code != 0 or re.search(r"\b(warning|error):", output):
            fail("the fixed file is not clean", output)


if __name__ == "__main__":
    main()
