#!/usr/bin/env python3
"""One list of initcall levels: the core's, the runtime's, the list the
linker scripts are written from and the scripts' are the same, in the same
order.

    check_initcall_levels.py SOURCE_ROOT

The core: the Levels table of checks/model/InitcallTable.cpp, up to its
module and exit entries. The runtime: the names of boot.c's Levels table.
The scripts' source: LEVELS in runtime/ld/generate.py (which --check holds
the scripts to). The built-in scripts (runtime/ld/initcheck.ld,
initcheck-keep-exit.ld): the order of their __initcall<N>_start symbols,
with __con_initcall_start as console and __initcall_start as early;
__initcallrootfss_start (the rootfs sync sections) is part of level rootfs,
as in the kernel, where initcall_levels[] has no pointer to it either. The
module script (initcheck-module.ld): the levels of its initcall and exitcall
sections, each one the core lists after the built-in ones. Prints the lists
that differ; exits 1 if any.
"""
import ast
import os
import re
import sys


def core(root):
    """The built-in levels and the module ones (module, exit, ...)."""
    text = open(os.path.join(root, "checks/model/InitcallTable.cpp")).read()
    table = re.search(r"Levels\[\] = \{(.*?)\};", text, re.S).group(1)
    names = re.findall(r'"([^"]+)"', table)
    return names[:names.index("module")], names[names.index("module"):]


def generator(root):
    text = open(os.path.join(root, "runtime/ld/generate.py")).read()
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and \
                [t.id for t in node.targets if isinstance(t, ast.Name)] == ["LEVELS"]:
            return ast.literal_eval(node.value)
    return []


def runtime(root):
    text = open(os.path.join(root, "runtime/src/boot.c")).read()
    table = re.search(r"Levels\[\] = \{(.*?)\n  \};", text, re.S).group(1)
    return re.findall(r'\{"([^"]+)",', table)


def script(root, name):
    text = open(os.path.join(root, "runtime/ld", name)).read()
    out = []
    for sym in re.findall(r"\b(__con_initcall_start|__initcall\w*_start)\b", text):
        if sym == "__con_initcall_start":
            out.append("console")
        elif sym == "__initcall_start":
            out.append("early")
        elif sym != "__initcallrootfss_start":
            out.append(sym[len("__initcall"):-len("_start")])
    return out


def module_script(root):
    text = open(os.path.join(root, "runtime/ld/initcheck-module.ld")).read()
    out = re.findall(r"\*\(\.initcall(\w+)\.init\)", text)
    if re.search(r"\*\(\.exitcall\.exit\)", text):
        out.append("exit")
    return out


def main():
    root = sys.argv[1]
    builtin, module = core(root)
    bad = False
    for level in module_script(root):
        if level not in module:
            print("check_initcall_levels: runtime/ld/initcheck-module.ld has "
                  "level %s, checks/model/InitcallTable.cpp module levels %s"
                  % (level, " ".join(module)))
            bad = True
    lists = {"checks/model/InitcallTable.cpp": builtin,
             "runtime/src/boot.c": runtime(root),
             "runtime/ld/generate.py": generator(root),
             "runtime/ld/initcheck.ld": script(root, "initcheck.ld"),
             "runtime/ld/initcheck-keep-exit.ld": script(root, "initcheck-keep-exit.ld")}
    first = lists["checks/model/InitcallTable.cpp"]
    for where, levels in lists.items():
        if levels != first:
            print("check_initcall_levels: %s has %s, checks/model/InitcallTable.cpp %s"
                  % (where, " ".join(levels), " ".join(first)))
            bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
