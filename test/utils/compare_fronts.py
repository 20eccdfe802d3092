#!/usr/bin/env python3
"""Check that every front reports the same findings.

    compare_fronts.py --clang=... --plugin=... --clang-tidy=... --load=...
                      [--initcheck=...] --temp=TEMP [--fixes]
                      [--setting=NAME=VALUE --tidy-option=KEY=VALUE]... INPUT
                      [-- CLANG_FLAGS]

Runs clang-19 -fplugin=initcheck.so, clang-tidy-19 --load=initcheck-tidy.so
and, with --initcheck, `initcheck check INPUT -- CLANG_FLAGS` on INPUT and
compares their initcheck diagnostics, line by line: location,
message with its [rule-id], and every note. The only differences allowed are
the ones of the fronts, not of the findings: the plugin's errors are
clang-tidy warnings (clang-tidy chooses errors with --warnings-as-errors),
and clang-tidy prints no location for a note in <scratch space>.
With --fixes, the file each front's fix-its produce must be the same too.
A --setting goes to the plugin as -fplugin-arg-initcheck-NAME=VALUE and to
`initcheck check` as --NAME=VALUE; a --tidy-option to clang-tidy as the
CheckOptions key initcheck.KEY.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys

DIAG = re.compile(r"^(?P<loc>.*?:\d+:\d+: |)(?P<sev>error|warning|note): "
                  r"(?P<msg>.*)$")


def run(command):
    sys.stdout.write("Running: %s\n" % " ".join(command))
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def initcheck_lines(output):
    """The initcheck diagnostics and their notes, in a front-neutral form.

    Each finding is kept with its notes, in order; the findings are sorted.
    Both fronts report in source order, but two findings at one location
    come in rule order from the plugin and in check-name order from
    clang-tidy, which sorts diagnostics itself.
    """
    findings, keep = [], False
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m:
            continue  # source snippets, carets, summaries
        loc, sev, msg = m.group("loc"), m.group("sev"), m.group("msg")
        if sev != "note":
            keep = re.search(r" \[initcheck-[a-z-]+\]$", msg) is not None
            sev = "warning"
        elif "FIX-IT applied" in msg:
            continue
        if loc.startswith("<scratch space>"):
            loc = ""
        if not keep:
            continue
        if sev != "note":
            findings.append([])
        findings[-1].append("%s%s: %s" % (loc, sev, msg))
    return [line for finding in sorted(findings) for line in finding]


def fail(message, detail=""):
    sys.stderr.write("compare_fronts: error: %s\n%s" % (message, detail))
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--initcheck")
    parser.add_argument("--temp", required=True)
    parser.add_argument("--fixes", action="store_true")
    parser.add_argument("--setting", action="append", default=[])
    parser.add_argument("--tidy-option", action="append", default=[])
    parser.add_argument("input")
    args, rest = parser.parse_known_args()
    flags = rest[1:] if rest[:1] == ["--"] else rest
    # As `initcheck check` names it (absolute, without ../): the same text
    # from every front.
    args.input = os.path.normpath(os.path.abspath(args.input))

    plugin_cmd = [args.clang, "-fsyntax-only", "-ferror-limit=0",
                  "-fno-color-diagnostics", "-fplugin=" + args.plugin]
    plugin_cmd += ["-fplugin-arg-initcheck-" + s for s in args.setting]
    options = ", ".join("{key: 'initcheck.%s', value: '%s'}" % tuple(o.split("=", 1))
                        for o in args.tidy_option)
    tidy_cmd = [args.clang_tidy, "--load=" + args.load,
                "--checks=-*,initcheck-*",
                "--config={CheckOptions: [%s]}" % options if options else "--config={}"]

    _, plugin_out = run(plugin_cmd + flags + [args.input])
    _, tidy_out = run(tidy_cmd + [args.input, "--"] + flags)
    plugin_lines = initcheck_lines(plugin_out)
    tidy_lines = initcheck_lines(tidy_out)
    if not plugin_lines:
        fail("the plugin found nothing: not a parity test", plugin_out)
    if plugin_lines != tidy_lines:
        fail("the fronts disagree (--- plugin, +++ clang-tidy)\n",
             "\n".join(difflib.unified_diff(plugin_lines, tidy_lines,
                                            "plugin", "clang-tidy",
                                            lineterm="")) + "\n")
    if args.initcheck:
        _, check_out = run([args.initcheck, "check"] +
                           ["--" + s for s in args.setting] + [args.input, "--",
                            "-ferror-limit=0", "-fno-color-diagnostics"] + flags)
        check_lines = initcheck_lines(check_out)
        if plugin_lines != check_lines:
            fail("the fronts disagree (--- plugin, +++ initcheck check)\n",
                 "\n".join(difflib.unified_diff(plugin_lines, check_lines,
                                                "plugin", "initcheck check",
                                                lineterm="")) + "\n")
    sys.stdout.write("%d diagnostic lines agree\n" % len(plugin_lines))

    if args.fixes:
        ext = os.path.splitext(args.input)[1]
        by_plugin, by_tidy = args.temp + ".plugin" + ext, args.temp + ".tidy" + ext
        shutil.copyfile(args.input, by_plugin)
        shutil.copyfile(args.input, by_tidy)
        # warn-only: clang applies no fix-it in a file with errors.
        run(plugin_cmd + ["-fplugin-arg-initcheck-warn-only", "-Xclang",
                          "-fixit"] + flags + [by_plugin])
        run(tidy_cmd + ["-fix", by_tidy, "--"] + flags)
        with open(args.input) as f:
            original = f.read()
        with open(by_plugin) as f:
            plugin_fixed = f.read()
        with open(by_tidy) as f:
            tidy_fixed = f.read()
        if plugin_fixed == original:
            fail("the plugin applied no fix-it: not a parity test")
        if plugin_fixed != tidy_fixed:
            fail("the fixed files differ (--- plugin, +++ clang-tidy)\n",
                 "".join(difflib.unified_diff(
                     plugin_fixed.splitlines(True), tidy_fixed.splitlines(True),
                     "plugin", "clang-tidy")))
        sys.stdout.write("the fixed files agree\n")


if __name__ == "__main__":
    main()
