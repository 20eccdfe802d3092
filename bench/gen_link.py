#!/usr/bin/env python3
"""Generate the program bench/link feeds to `initcheck link`.

OBJECTS tiny translation units (u00000.c, u00001.c, ...), each with ten
functions and the kernel's annotations (test/Inputs/kernel-init.h):

  uN_f0 .. uN_f6   resident; f0 calls f3 of another object, f1..f6 chain
  uN_setup         __init, called by the __init function of object N-1
                   (cross-object, init to init: fine)
  uN_init          static __init, an initcall; the level cycles through
                   console, early, 0 .. 7s and rootfs
  uN_exit          static __exit, module_exit()

and one cross-object mismatch per 1,000 objects: in object N with
N % 1000 == 500, uN_f6 also calls u(N+2)_setup, declared without __init.
Only `initcheck link` can see it (the plugin accepts every file).

Writes DIR/uNNNNN.c, rewriting a file only when its text changes, so a
build that compares modification times recompiles nothing on a rerun.
The same options always give the same files.
"""
import argparse
import os

LEVELS = ["console_initcall", "early_initcall", "pure_initcall",
          "core_initcall", "core_initcall_sync", "postcore_initcall",
          "arch_initcall", "subsys_initcall", "fs_initcall",
          "rootfs_initcall", "device_initcall", "late_initcall",
          "late_initcall_sync"]
MISMATCH_EVERY = 1000


def name(n):
    return "u%05d" % n


def source(n, objects):
    u = name(n)
    callee = name((n * 7919 + 13) % objects)  # f0's cross-object call
    nxt = name((n + 1) % objects)
    lines = ['#include "kernel-init.h"',
             "extern int %s_f3(int);" % callee,
             "extern int __init %s_setup(void);" % nxt]
    mismatch = n % MISMATCH_EVERY == MISMATCH_EVERY // 2
    if mismatch:
        lines.append("extern int %s_setup(void);" % name((n + 2) % objects))
    lines.append("int %s_f0(int x) { return %s_f3(x) + 1; }" % (u, callee))
    for k in range(1, 6):
        lines.append("int %s_f%d(int x) { return %s_f%d(x) ^ %d; }"
                     % (u, k, u, k - 1, k))
    bad = " + %s_setup()" % name((n + 2) % objects) if mismatch else ""
    lines.append("int %s_f6(int x) { return %s_f5(x)%s; }" % (u, u, bad))
    lines.append("int __init %s_setup(void) { return %s_f6(%d); }"
                 % (u, u, n))
    lines.append("static int __init %s_init(void) { return %s_setup(); }"
                 % (u, nxt))
    lines.append("static void __exit %s_exit(void) {}" % u)
    lines.append("%s(%s_init);" % (LEVELS[n % len(LEVELS)], u))
    lines.append("module_exit(%s_exit);" % u)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--objects", type=int, default=20000)
    ap.add_argument("--out", required=True, help="directory for the .c files")
    args = ap.parse_args()
    if args.objects < 3:
        ap.error("--objects must be at least 3")
    os.makedirs(args.out, exist_ok=True)
    written = 0
    for n in range(args.objects):
        path = os.path.join(args.out, name(n) + ".c")
        text = source(n, args.objects)
        try:
            with open(path) as f:
                if f.read() == text:
                    continue
        except FileNotFoundError:
            pass
        with open(path, "w") as f:
            f.write(text)
        written += 1
    print("objects %d, functions %d, written %d"
          % (args.objects, 10 * args.objects, written))


if __name__ == "__main__":
    main()
