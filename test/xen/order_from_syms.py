#!/usr/bin/env python3
"""Xen's initcall order, read from the linked hypervisor.

    order_from_syms.py NM_OUTPUT

NM_OUTPUT is `llvm-nm-19 -n xen-syms`. xen.lds.S lays the tables out as
__initcall_start, .initcallpresmp.init, __presmp_initcall_end,
.initcall1.init, __initcall_end; each entry is a local object
__initcall_<fn> (presmp_initcall() and __initcall() in xen/init.h). Prints
"LEVEL<TAB>FUNCTION" per entry in address order, the level decided by the
address against the boundary symbols (an entry at a boundary's address is
after it: nm sorts symbols of one address by name, not by layout).
"""
import sys


def main():
    syms = []
    bounds = {}
    for line in open(sys.argv[1]):
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, _, name = int(parts[0], 16), parts[1], parts[2]
        if name in ("__initcall_start", "__presmp_initcall_end",
                    "__initcall_end"):
            bounds[name] = addr
        elif name.startswith("__initcall_"):
            syms.append((addr, name[len("__initcall_"):]))
    if len(bounds) != 3:
        sys.exit("order_from_syms: no initcall table boundaries in " + sys.argv[1])
    for addr, fn in sorted(syms):
        if bounds["__initcall_start"] <= addr < bounds["__presmp_initcall_end"]:
            print("presmp\t" + fn)
        elif bounds["__presmp_initcall_end"] <= addr < bounds["__initcall_end"]:
            print("1\t" + fn)


if __name__ == "__main__":
    main()
