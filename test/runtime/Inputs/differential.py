"""usage: differential.py --clang CC --clangxx CXX --plugin SO --initcheck TOOL
           --pkg-config PKG [--builds TAG,...] [--skip NAME,...]
           [--runtime-only] EXAMPLE...

The differential suite (docs/runtime.md, "The differential suite"): the
checker's verdict on an example program against what the runtime sees when
the program runs. For every example and every build (C and C++ where the
example is both, -O0 and -O2, GNU ld and lld), in the current directory:

  1. compile with the plugin in warn-only mode, collecting its findings from
     -fplugin-arg-initcheck-sarif=FILE (the symbol each finding references;
     for initcheck-init-escape, the init or exit symbol whose address is
     stored, and whether the finding is an error or advice, which only a
     compile without warn-only tells);
  2. link with the runtime, flags from `pkg-config --cflags --libs initcheck`
     (or initcheck-keep-exit, see below), found through PKG_CONFIG_PATH;
  3. run every run the example declares, with INITCHECK_DEBUG=1.

The example says what must happen, in comments:

  // initcheck-run: [ARGS] => clean        exit 0, init memory freed, no report
  // initcheck-run: [ARGS] => caught SYM   exit 134, the report names SYM
  // initcheck-not-executed: SYM: WHY      a finding on a path no run executes
  // initcheck-script: initcheck-keep-exit (default: initcheck, built in)
  // initcheck-lang: c | c++               (default: .c both, .cpp C++)

and the driver holds it to the checker:
  - an example the checker accepts (no finding) must run clean, every run;
  - a caught SYM must be a symbol the checker named, and so must every
    symbol the runtime reports;
  - every symbol the checker named must be caught by some run or be
    explained (initcheck-not-executed), and an explained one must be named;
    an initcheck-init-escape advice (the address escapes, but nothing
    proves resident code uses it) need not be caught, and a run that
    catches it agrees with the checker;
  - in every run the initcalls ran in the order of `initcheck link
    --format=json` (the order table).
One line per example and build, then a summary; exit 1 if anything differs.

--runtime-only checks the runtime's half alone (each run caught or clean as
the example says, the order table), not the checker's findings: for
examples whose rule the plugin does not have yet. --skip leaves out the
examples of those names.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_RE = re.compile(r"initcheck-run:(.*?)=>\s*(clean|caught\s+(\S+))\s*$", re.M)
NOT_EXECUTED_RE = re.compile(r"initcheck-not-executed:\s*([^:\s]+)\s*:")
SCRIPT_RE = re.compile(r"initcheck-script:\s*(\S+)")
LANG_RE = re.compile(r"initcheck-lang:\s*(\S+)")
# "function 'main' references __initdata variable 'boot_args': ..." names
# the referenced symbol last; other rules' messages name their symbol first.
REFERENCES_RE = re.compile(r"references (?:__\w+ )?\w+ '([^']+)'")
# initcheck-init-escape names the stored value after "address of" ("stores
# the address of __init function 'fn' in 'ops.fn'", "copies ... : its field
# 'f' holds the address of __init function 'fn'").
ESCAPE_RULE = "initcheck-init-escape"
ESCAPE_VALUE_RE = re.compile(r"keeps (?:__\w+ )?\w+ '([^']+)'")
REPORT_RE = re.compile(
    r"^initcheck: access to freed init memory at \S+ (.+)\+0x[0-9a-f]+ \(", re.M)
CALLING_RE = re.compile(r"^calling  (\S+) @ (\S+)$", re.M)


class Example:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        text = open(path).read()
        self.runs = []
        for m in RUN_RE.finditer(text):
            self.runs.append((m.group(1).split(), m.group(3)))
        self.not_executed = set(NOT_EXECUTED_RE.findall(text))
        m = SCRIPT_RE.search(text)
        self.script = m.group(1) if m else "initcheck"
        m = LANG_RE.search(text)
        if m:
            self.langs = [m.group(1)]
        elif path.endswith(".c"):
            self.langs = ["c", "c++"]
        else:
            self.langs = ["c++"]


def findings(sarif_path):
    """The plugin's findings, from its SARIF document: a set of (symbol,
    rule, level), the symbol each one references or, for an escape, stores."""
    found = set()
    with open(sarif_path) as f:
        doc = json.load(f)
    for run in doc["runs"]:
        for result in run.get("results", []):
            text = result["message"]["text"]
            rule = result.get("ruleId", "")
            m = ESCAPE_VALUE_RE.search(text) if rule == ESCAPE_RULE else None
            if not m:
                m = REFERENCES_RE.search(text)
            if not m:
                m = re.search(r"'([^']+)'", text)
            if m:
                found.add((m.group(1), rule, result.get("level", "error")))
    return found


def escape_advice(opts, ex, lang, opt, cc, cflags, stem):
    """The symbols whose escape findings are all advice. Warn-only makes
    every finding a warning, so the levels come from a second, syntax-only
    compile without it (its errors fail that compile, not the build)."""
    sarif = stem + ".levels.sarif"
    subprocess.run([cc, "-x", lang, opt, "-fsyntax-only",
                    "-fplugin=" + opts.plugin,
                    "-fplugin-arg-initcheck-sarif=" + sarif] + cflags +
                   [ex.path], capture_output=True, text=True)
    if not os.path.exists(sarif):
        return None
    errors, advice = set(), set()
    for sym, rule, level in findings(sarif):
        if rule == ESCAPE_RULE:
            (errors if level == "error" else advice).add(sym)
    return advice - errors


def describe(found, advice):
    """The summary's list: a name per symbol, its escape findings marked."""
    words = []
    for sym in sorted({s for s, _, _ in found}):
        if sym in advice:
            words.append(sym + " (escape advice)")
        elif any(s == sym and r == ESCAPE_RULE for s, r, _ in found):
            words.append(sym + " (escape)")
        else:
            words.append(sym)
    return " ".join(words) or "none"


def pkg_config(pkg, *args):
    out = subprocess.run([pkg] + list(args), check=True, capture_output=True,
                         text=True).stdout
    return out.split()


def trace_vs_table(table_json, trace):
    table = [(e["level"], e["function"])
             for e in json.loads(table_json)["initcalls"]
             if e["level"] not in ("exit", "module_exit")]
    ran = [(m.group(2), m.group(1)) for m in CALLING_RE.finditer(trace)
           if m.group(2) != "exit"]
    if ran == table:
        return None, len(ran)
    return "order differs: ran %s, table %s" % (ran, table), len(ran)


def checker_problems(ex, named, caught, advice):
    """What the findings and the runs of one build disagree on."""
    problems = []
    for sym in sorted(named - caught - ex.not_executed - advice):
        problems.append("the checker named %s, but no run caught it and no "
                        "initcheck-not-executed explains it" % sym)
    for sym in sorted(ex.not_executed - named):
        problems.append("initcheck-not-executed names %s, which the checker "
                        "did not report" % sym)
    for sym in sorted(ex.not_executed & caught):
        problems.append("%s is marked not executed, but a run caught it" % sym)
    return problems


def check_build(opts, ex, lang, opt, ld):
    """Builds and runs one variant; returns (problems, summary)."""
    tag = "%s%s-%s" % (lang, opt, ld)
    stem = "%s-%s" % (os.path.splitext(ex.name)[0], tag)
    cc = opts.clangxx if lang == "c++" else opts.clang
    sarif = stem + ".sarif"
    obj = stem + ".o"
    prog = "./" + stem
    cflags = pkg_config(opts.pkg_config, "--cflags", ex.script)
    libs = pkg_config(opts.pkg_config, "--libs", ex.script)
    compile_cmd = [cc, "-x", lang, opt, "-fplugin=" + opts.plugin,
                   "-fplugin-arg-initcheck-warn-only",
                   "-fplugin-arg-initcheck-sarif=" + sarif] + cflags + [
                   "-c", ex.path, "-o", obj]
    r = subprocess.run(compile_cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return ["compile failed: " + r.stderr.strip()], ""
    found = findings(sarif)
    named = {sym for sym, _, _ in found}
    advice = set()
    if any(rule == ESCAPE_RULE for _, rule, _ in found) and not opts.runtime_only:
        advice = escape_advice(opts, ex, lang, opt, cc, cflags, stem)
        if advice is None:
            return ["the compile without warn-only wrote no SARIF"], ""
    if opts.runtime_only:
        named = set()
    r = subprocess.run([cc, "-fuse-ld=" + ld, obj] + libs + ["-o", prog],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return ["link failed: " + r.stderr.strip()], ""
    table = subprocess.run([opts.initcheck, "link", "--format=json", obj],
                           check=True, capture_output=True, text=True).stdout

    problems = []
    caught_somewhere = set()
    outcomes = []
    n = 0
    for args, expect in ex.runs:
        env = dict(os.environ, INITCHECK_DEBUG="1")
        label = "'%s'" % " ".join(args)
        try:
            r = subprocess.run([prog] + args, capture_output=True, text=True,
                               env=env, timeout=120)
        except subprocess.TimeoutExpired:
            problems.append("run %s: did not finish in 120 s" % label)
            continue
        reports = REPORT_RE.findall(r.stderr)
        freed = "Freeing unused init memory" in r.stderr
        if expect is None:
            if r.returncode != 0 or reports or not freed:
                problems.append("run %s: expected clean, got exit %d%s%s" % (
                    label, r.returncode,
                    ", report names %s" % reports[0] if reports else "",
                    "" if freed else ", init memory not freed"))
            outcomes.append("%s clean" % label)
        else:
            if opts.runtime_only:
                pass
            elif not named:
                problems.append("run %s: the checker accepted the program "
                                "(no finding), so it must run clean" % label)
            elif expect not in named:
                problems.append("run %s: %s is not a symbol the checker "
                                "named (%s)" % (label, expect, " ".join(sorted(named))))
            if r.returncode != 134 or reports != [expect] or not freed:
                problems.append("run %s: expected caught %s, got exit %d, "
                                "report %s" % (label, expect, r.returncode,
                                               reports or "none"))
            else:
                caught_somewhere.add(expect)
            outcomes.append("%s caught %s" % (label, expect))
        if opts.runtime_only:
            pass
        elif not named and reports:
            problems.append("run %s: the checker accepted the program but "
                            "the runtime caught %s" % (label, reports[0]))
        else:
            for sym in reports:
                if sym not in named:
                    problems.append("run %s: the runtime caught %s, which "
                                    "the checker did not name" % (label, sym))
        differs, n = trace_vs_table(table, r.stderr)
        if differs:
            problems.append("run %s: %s" % (label, differs))
    if opts.runtime_only:
        checker = "runtime only"
    else:
        problems += checker_problems(ex, named, caught_somewhere, advice)
        checker = "findings: " + describe(found, advice)
    summary = "%s; %s; order equals the table (%d initcalls)" % (
        checker, ", ".join(outcomes), n)
    return problems, summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--initcheck", required=True)
    ap.add_argument("--pkg-config", required=True)
    ap.add_argument("--builds", help="only these builds, e.g. c-O0-lld")
    ap.add_argument("--skip", help="leave out these examples (file names)")
    ap.add_argument("--runtime-only", action="store_true",
                    help="check the runtime's half only, not the findings")
    ap.add_argument("examples", nargs="+")
    opts = ap.parse_args()
    wanted = set(opts.builds.split(",")) if opts.builds else None
    skip = set(opts.skip.split(",")) if opts.skip else set()
    opts.examples = [p for p in opts.examples
                     if os.path.basename(p) not in skip]

    failures = builds = runs = 0
    for path in opts.examples:
        ex = Example(path)
        if not ex.runs:
            print("%s: FAIL: no initcheck-run line" % ex.name)
            failures += 1
            continue
        summaries = set()
        ran = passed = 0
        for lang in ex.langs:
            for opt in ("-O0", "-O2"):
                for ld in ("bfd", "lld"):
                    tag = "%s%s-%s" % (lang, opt, ld)
                    if wanted and tag not in wanted:
                        continue
                    problems, summary = check_build(opts, ex, lang, opt, ld)
                    builds += 1
                    ran += 1
                    runs += len(ex.runs)
                    for p in problems:
                        print("%s %s: FAIL: %s" % (ex.name, tag, p))
                    failures += bool(problems)
                    if not problems:
                        passed += 1
                        summaries.add(summary)
        # The builds that passed agree: one line for the example.
        for s in sorted(summaries):
            print("%s (%d/%d builds, %s): %s" % (ex.name, passed, ran,
                                                 " ".join(ex.langs), s))
    print("%d examples, %d builds, %d runs: %s" % (
        len(opts.examples), builds, runs,
        "%d builds FAILED" % failures if failures else "as the checker predicted"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
