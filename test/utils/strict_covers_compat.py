#!/usr/bin/env python3
"""Check that strict mode reports every error modpost-compat reports.

    strict_covers_compat.py --cc1="CLANG -cc1 -load PLUGIN" INPUT... [-- FLAGS]

Compiles each INPUT with the plugin twice, in strict mode and with
modpost-compat, and fails unless strict mode reports every compat error
at the same place: as an error (strict mode names init-to-exit and
exit-to-init on their own), or as the initcheck-init-only-helper or
initcheck-initcall-not-init advice (where the call graph proves the code
runs only at init, and says what to annotate). Silence, or any other
advice, where compat errs is a miss: strict mode is never weaker than
modpost-compat.
"""

import argparse
import re
import shlex
import subprocess
import sys

DIAG = re.compile(r"^(?P<loc>[^:\s]+:\d+:\d+): (?P<sev>error|warning): "
                  r".*\[(?P<rule>initcheck-[a-z-]+)\]$")


ADVICE_THAT_PROVES = {"initcheck-init-only-helper",
                      "initcheck-initcall-not-init"}


def findings(cc1, source, flags, compat):
    command = shlex.split(cc1) + ["-fsyntax-only", "-fno-caret-diagnostics"]
    if compat:
        command += ["-plugin-arg-initcheck", "modpost-compat"]
    command += flags + [source]
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return [m.groupdict() for m in map(DIAG.match, proc.stdout.splitlines())
            if m]


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        flags = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser()
    parser.add_argument("--cc1", required=True)
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args(argv)
    missed = 0
    checked = 0
    for source in args.inputs:
        strict = set()
        for f in findings(args.cc1, source, flags, False):
            if f["sev"] == "error" or f["rule"] in ADVICE_THAT_PROVES:
                strict.add(f["loc"])
        for f in findings(args.cc1, source, flags, True):
            if f["sev"] != "error":
                continue
            checked += 1
            if f["loc"] not in strict:
                missed += 1
                print("%s: compat error [%s] not reported by strict mode"
                      % (f["loc"], f["rule"]))
    if not checked:
        print("no compat errors to compare: nothing was checked")
        return 1
    print("%d compat errors, %d missed by strict mode" % (checked, missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
