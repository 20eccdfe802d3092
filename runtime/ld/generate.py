#!/usr/bin/env python3
"""Write the runtime's three linker scripts from one list of initcall levels
and one list of init and exit sections.

    runtime/ld/generate.py [--check] [DIR]

Writes initcheck.ld (built in: exit code discarded), initcheck-keep-exit.ld
(exit code kept, exit calls run at exit) and initcheck-module.ld (a
-DMODULE shared object) into DIR (default: this script's folder). With
--check it writes nothing, prints the scripts that differ from what it would
write, and exits 1 if any does: test/structure/initcall-levels.test runs it,
and holds LEVELS to the core's (checks/model/InitcallTable.cpp) and the
runtime's (runtime/src/boot.c). Edit this file, never the scripts.
"""
import os
import sys
import tempfile

# The order the kernel runs initcall levels (init/main.c, vmlinux.lds.h's
# INIT_CALLS): console initcalls first, then early, 0, 0s, ... 7s. Each
# level but console and early is a section of its own; rootfs's sync
# sections (.initcallrootfss.init) are part of level rootfs, as in the
# kernel, whose initcall_levels[] has no pointer to them either.
LEVELS = ["console", "early",
          "0", "0s", "1", "1s", "2", "2s", "3", "3s", "4", "4s", "5", "5s",
          "rootfs", "6", "6s", "7", "7s"]

# The input sections of each init and exit part, as vmlinux.lds.h names them.
INIT_TEXT = "*(.init.text .init.text.*)"
INIT_RODATA = "*(.init.rodata .init.rodata.*)"
INIT_DATA = "*(.init.data .init.data.*)"
EXIT_TEXT = "*(.exit.text .exit.text.*)"
EXIT_DATA = "*(.exit.data .exit.data.*)"
EXIT_CALLS = "*(.exitcall.exit)"
MODULE_INITCALL = "*(.initcallmodule.init)"

BUILTIN_HEADER = """\
/* initcheck runtime linker script fragment: GNU ld and lld, on top of the
 * default script (-Wl,-T,runtime/ld/{name}). Lays out what
 * include/asm-generic/vmlinux.lds.h does for the kernel:
 *
 *  - init text, init rodata and init data (with the initcall tables, as the
 *    kernel's INIT_DATA_SECTION holds them) on their own page-aligned range
 *    [__init_begin, __init_end), which libinitcheck-rt.a protects after boot.
 *    Each of the three output sections starts on a page, so each lands in a
 *    segment of its own kind: init text stays executable, init data writable.
 *  - the initcall tables in kernel order (console, early, 0 .. 7s), with a
 *    start symbol per level and sublevel (the kernel's INIT_CALLS names, plus
 *    __initcall<N>s_start so a trace can name the sync levels).
{exit_item}
 *
 * Placed after .data: both linkers start a new PT_LOAD where the flags
 * change, so the order does not disturb RELRO or the default text layout.
 * The runtime library is pulled out of its archive by EXTERN below, so a
 * program needs no code change. Page size: x86_64's 4 KiB.
 *
 * Written, with the other two scripts, by runtime/ld/generate.py from one
 * list of initcall levels and sections: edit that, not this.
 */
"""

DISCARD_ITEM = """\
 *  - exit code, exit data and exit calls are discarded (/DISCARD/), as in a
 *    built-in kernel: a reference to them from kept code fails the link."""

KEEP_ITEM = """\
 *  - exit code, exit data and the exit call table are kept (resident), and
 *    the runtime runs the exit calls in reverse order at exit."""


def initcall_tables():
    """The initcall tables of INIT_CALLS, one start symbol per level."""
    lines = ["__con_initcall_start = .; KEEP(*(.con_initcall.init)) "
             "__con_initcall_end = .;",
             "__initcall_start = .; KEEP(*(.initcallearly.init))"]
    for level in LEVELS[2:]:
        lines.append("__initcall%s_start = .; KEEP(*(.initcall%s.init))"
                     % (level, level))
        if level == "rootfs":
            lines.append("__initcallrootfss_start = .; "
                         "KEEP(*(.initcallrootfss.init))")
    lines.append("__initcall_end = .;")
    return lines


def resident_exit(calls):
    """Exit text after .text, exit data and the exit call table \p calls
    after .data: kept, as a module's are until rmmod."""
    return ["SECTIONS {",
            "  .exit.text : { %s }" % EXIT_TEXT,
            "}",
            "INSERT AFTER .text;",
            "SECTIONS {",
            "  .exit.data : {",
            "    " + EXIT_DATA] + calls + ["  }", "}", "INSERT AFTER .data;"]


def builtin(name, keep_exit):
    """initcheck.ld (keep_exit False) or initcheck-keep-exit.ld."""
    body = ["EXTERN(__initcheck_runtime)",
            "SECTIONS {",
            "  .init.text ALIGN(0x1000) : {",
            "    __init_begin = .;",
            "    _sinittext = .;",
            "    " + INIT_TEXT,
            "    _einittext = .;",
            "  }",
            "  .init.rodata ALIGN(0x1000) : {",
            "    __init_rodata_begin = .;",
            "    " + INIT_RODATA,
            "  }",
            "  .init.data ALIGN(0x1000) : {",
            "    __init_data_begin = .;",
            "    " + INIT_DATA,
            "    KEEP(*(.init.setup))",
            "    /* Entries are pointers: a start symbol must not sit in the "
            "padding. */",
            "    . = ALIGN(8);"]
    body += ["    " + line for line in initcall_tables()]
    if keep_exit:
        body.append("")
    else:
        body += ["    /* Exit calls are discarded (below): an empty table for "
                 "the runtime. */",
                 "    __exitcall_start = .; __exitcall_end = .;"]
    body += ["    . = ALIGN(0x1000);",
             "    __init_end = .;",
             "  }",
             "}",
             "INSERT AFTER .data;",
             ""]
    if keep_exit:
        body += ["/* Exit code, exit data and the exit call table stay "
                 "resident: the runtime",
                 " * runs the exit calls, last first, when the program "
                 "exits. */"]
        body += resident_exit(["    . = ALIGN(8);",
                               "    __exitcall_start = .;",
                               "    KEEP(%s)" % EXIT_CALLS,
                               "    __exitcall_end = .;"])
    else:
        body += ["/* Built in, as in the kernel: exit code and data are never "
                 "used, so they are",
                 " * dropped, and a reference to them from anything kept fails "
                 "the link. */",
                 "SECTIONS {",
                 "  /DISCARD/ : {",
                 "    " + EXIT_TEXT,
                 "    " + EXIT_DATA,
                 "    " + EXIT_CALLS,
                 "  }",
                 "}",
                 "INSERT AFTER .data;"]
    header = BUILTIN_HEADER.format(
        name=name,
        exit_item=KEEP_ITEM if keep_exit else DISCARD_ITEM)
    return header + "\n".join(body) + "\n"


MODULE_HEADER = """\
/* initcheck runtime linker script fragment for a loadable module: a shared
 * object built with -DMODULE, linked with GNU ld or lld on top of the default
 * script (-shared -Wl,-T,runtime/ld/initcheck-module.ld) and loaded with
 * initcheck_insmod(). The kernel's module loader sorts a module's init
 * sections into allocations of their own (kernel/module/main.c); a shared
 * object is laid out by the linker, so this script does it:
 *
 *  - init text, init rodata and init data (with the C++ init_module entry,
 *    .initcallmodule.init) each start on a page, and the last ends on one,
 *    so that no page holds both init and resident bytes: the loader protects
 *    the pages of the three output sections after the module's init and
 *    refuses a module whose init sections share a page with anything else.
 *    Each lands in a segment of its own kind: text executable, data writable.
 *  - exit code, exit data and the exit call table stay resident, as in a
 *    kernel with CONFIG_MODULE_UNLOAD: the loader runs cleanup_module at
 *    rmmod.
 *
 * Placed after .data as in initcheck.ld. No initcall tables: in a module
 * every initcall is module_init. Page size: x86_64's 4 KiB.
 *
 * Written, with the other two scripts, by runtime/ld/generate.py from one
 * list of initcall levels and sections: edit that, not this.
 */
"""


def module():
    body = ["SECTIONS {",
            "  .init.text ALIGN(0x1000) : {",
            "    " + INIT_TEXT,
            "  }",
            "  .init.rodata ALIGN(0x1000) : {",
            "    " + INIT_RODATA,
            "  }",
            "  .init.data ALIGN(0x1000) : {",
            "    " + INIT_DATA,
            "    KEEP(%s)" % MODULE_INITCALL,
            "    . = ALIGN(0x1000);",
            "  }",
            "}",
            "INSERT AFTER .data;",
            "",
            "/* Exit code, exit data and exit calls stay resident until rmmod. */"]
    body += resident_exit(["    KEEP(%s)" % EXIT_CALLS])
    return MODULE_HEADER + "\n".join(body) + "\n"


def scripts():
    return {
        "initcheck.ld": builtin("initcheck.ld", keep_exit=False),
        "initcheck-keep-exit.ld": builtin("initcheck-keep-exit.ld",
                                          keep_exit=True),
        "initcheck-module.ld": module(),
    }


def current(path):
    """What \p path holds now; None when it cannot be read."""
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def main(argv):
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    if len(rest) > 1 or any(a.startswith("-") for a in rest):
        print("usage: generate.py [--check] [DIR]", file=sys.stderr)
        return 2
    folder = rest[0] if rest else os.path.dirname(os.path.abspath(__file__))
    if not os.path.isdir(folder):
        print("generate.py: %s is not a folder" % folder, file=sys.stderr)
        return 2
    stale = []
    texts = scripts()
    for name, text in texts.items():
        path = os.path.join(folder, name)
        if check:
            if current(path) != text:
                stale.append(name)
        elif os.path.lexists(path) and (os.path.islink(path) or
                                        not os.path.isfile(path)):
            print("generate.py: %s is not a regular file; left alone" % path,
                  file=sys.stderr)
            return 2
    if check:
        for name in stale:
            print("generate.py: %s is not what runtime/ld/generate.py "
                  "writes; run it" % os.path.join(folder, name))
        return 1 if stale else 0
    # Each file whole or not at all: the scripts are installed, so a
    # half-written one must never be left behind.
    for name, text in texts.items():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + name)
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, os.path.join(folder, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
