#!/usr/bin/env python3
"""The comparisons of test/kernel/run (docs/kernel.md).

  parity --diagnostics TSV --link JSON --modpost TXT --classified TSV
         [--partial] [--kernel VERSION] [--update-classified]
      every modpost section mismatch is an initcheck finding; every initcheck
      finding modpost does not report is classified (test/kernel/classified.tsv)
  order --link JSON --nm NM [--vmlinux ELF --config .config]
      the order table equals the vmlinux entries; with --vmlinux, each entry,
      decoded as the kernel reads it, points at the table's function

A finding is known by its fingerprint (rule, file, subject and rank: never
its line), which initcheck itself computes (`initcheck findings` for the
build log, the "fingerprint" of `initcheck link --format=json`): a kernel
release that moves code keeps every classification. A classified finding
found at another line passes and is counted as moved; --update-classified
rewrites the file's locations (and the kernel it was verified on).
"""

import argparse
import collections
import json
import os
import re
import struct
import sys

MODPOST = re.compile(r"^WARNING: modpost: (?P<mod>\S+): section mismatch in reference: "
                     r"(?P<from>\S+?)(?:\+0x[0-9a-f]+)? \(section: (?P<fromsec>[^)]*)\) -> "
                     r"(?P<to>\S+) \(section: (?P<tosec>[^)]*)\)")
ERROR_RULES = {"initcheck-section-mismatch", "initcheck-init-to-exit", "initcheck-exit-to-init",
               "initcheck-export-init", "initcheck-initcall-type"}


def die(msg):
    print(f"kernel_report: {msg}", file=sys.stderr)
    sys.exit(2)


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def norm_file(path):
    return os.path.normpath(path[2:] if path.startswith("./") else path)


def base_symbol(name):
    """modpost names compiler clones (f.constprop.0, f.llvm.123) as they are."""
    return re.sub(r"\.(?:constprop|isra|part|cold|llvm|lto_priv)(?:\.\d+)*$", "", name)


# ---- parity --------------------------------------------------------------------
def read_tsv(path, comments=None):
    """Rows as dicts; `# key: value` comment lines into `comments`."""
    try:
        with open(path) as f:
            raw = [l.rstrip("\n") for l in f if l.strip()]
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")
    lines = []
    for l in raw:
        if l.startswith("#"):
            m = re.match(r"#\s*([\w-]+):\s*(.*)$", l)
            if m and comments is not None:
                comments[m.group(1)] = m.group(2).strip()
        else:
            lines.append(l)
    if not lines:
        die(f"{path}: no header line")
    header = lines[0].split("\t")
    rows = []
    for n, l in enumerate(lines[1:], start=2):
        cells = l.split("\t")
        if len(cells) != len(header):
            die(f"{path}:{n}: {len(cells)} columns, expected {len(header)}")
        rows.append(dict(zip(header, cells)))
    return rows


def findings(diagnostics_tsv, link_json):
    out = []
    for r in read_tsv(diagnostics_tsv):
        file, line, _ = r["location"].rsplit(":", 2)
        out.append({"fingerprint": r["fingerprint"], "rule": r["rule"],
                    "location": f"{file}:{line}", "subject": r["subject"],
                    "message": r["message"], "origin": "compile"})
    try:
        with open(link_json) as f:
            link = json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read {link_json}: {e}")
    for m in link.get("mismatches", []):
        out.append({"fingerprint": m["fingerprint"], "rule": m["rule"],
                    "location": f"{norm_file(m['file'])}:{m['line']}",
                    "subject": m["subject"], "message": m["message"], "origin": "link"})
    return out


CLASSIFIED_COLUMNS = ["fingerprint", "rule", "location", "subject", "class", "explanation"]


def update_classified(path, moved, kernel):
    """Rewrite the locations of moved entries (and the kernel line) in place,
    keeping every other byte of the file."""
    with open(path) as f:
        lines = f.read().split("\n")
    out = []
    for l in lines:
        if l.startswith("# kernel:") and kernel:
            l = f"# kernel: {kernel}"
        elif l and not l.startswith("#"):
            cells = l.split("\t")
            if cells[0] in moved:
                cells[2] = moved[cells[0]]
                l = "\t".join(cells)
        out.append(l)
    write_atomic(path, "\n".join(out))


def cmd_parity(args):
    found = findings(args.diagnostics, args.link)
    try:
        with open(args.modpost, errors="replace") as f:
            modpost = [m.groupdict() for m in map(MODPOST.match, f) if m]
    except OSError as e:
        die(f"cannot read {args.modpost}: {e.strerror}")
    meta = {}
    rows = read_tsv(args.classified, meta)
    if rows and list(rows[0]) != CLASSIFIED_COLUMNS:
        die(f"{args.classified}: columns {list(rows[0])}, expected {CLASSIFIED_COLUMNS}")
    classified = {}
    for c in rows:
        if c["fingerprint"] in classified:
            die(f"{args.classified}: fingerprint {c['fingerprint']} twice")
        classified[c["fingerprint"]] = c
    verified_on = meta.get("kernel", "unknown")
    if args.kernel:
        print(f"kernel: {args.kernel}; classified.tsv verified on {verified_on}")

    by_ref = collections.defaultdict(list)
    for f in found:
        if f["rule"] in ERROR_RULES and " -> " in f["subject"]:
            frm, to = f["subject"].split(" -> ")
            by_ref[(frm, to)].append(f)
    failed = False
    matched = set()
    print(f"modpost: {len(modpost)} section mismatch warnings")
    for w in modpost:
        hits = by_ref.get((base_symbol(w["from"]), base_symbol(w["to"])), [])
        if hits:
            matched.update(id(h) for h in hits)
            print(f"  found  {w['from']} ({w['fromsec']}) -> {w['to']} ({w['tosec']}): "
                  f"{hits[0]['location']} [{hits[0]['rule']}]")
        else:
            failed = True
            print(f"  MISSED {w['from']} ({w['fromsec']}) -> {w['to']} ({w['tosec']})")

    beyond = [f for f in found if id(f) not in matched]
    classes = collections.Counter()
    unclassified = []
    used = set()
    moved = {}
    for f in beyond:
        c = classified.get(f["fingerprint"])
        if c:
            used.add(f["fingerprint"])
            classes[c["class"]] += 1
            if c["location"] != f["location"]:
                moved[f["fingerprint"]] = f["location"]
                print(f"  moved  {f['rule']}\t{f['subject']}\t{c['location']} -> {f['location']}")
        else:
            unclassified.append(f)
    print(f"initcheck: {len(found)} findings ({sum(f['rule'] in ERROR_RULES for f in found)} "
          f"mismatches, the rest advice); {len(beyond)} beyond modpost")
    for cls, n in sorted(classes.items()):
        print(f"  {n:4}  {cls}")
    for f in unclassified:
        failed = True
        print(f"  UNCLASSIFIED {f['fingerprint']}\t{f['rule']}\t{f['location']}\t{f['subject']}"
              f"\t({f['message']})")
    if unclassified:
        if args.kernel and args.kernel != verified_on:
            why = (f"the kernel changed ({verified_on} -> {args.kernel}): new or changed code, "
                   "or a finding whose subject changed")
        else:
            why = (f"the kernel is the one classified.tsv was verified on ({verified_on}): "
                   "initcheck's findings changed")
        print(f"  {len(unclassified)} unclassified: {why}; classify them in {args.classified}")
    stale = [] if args.partial else [k for k in classified if k not in used]
    for k in stale:
        failed = True
        c = classified[k]
        print(f"  STALE (classified, not found) {k}\t{c['rule']}\t{c['location']}\t{c['subject']}")
    if moved:
        hint = ("rewritten by --update-classified" if args.update_classified
                else "test/kernel/run --update-classified rewrites them")
        print(f"moved: {len(moved)} (classified findings at a new line; {hint})")
    # The kernel line says which release every location was verified on:
    # only a whole, passing run may move it.
    verified = args.kernel if not failed and not args.partial else None
    if args.update_classified and (moved or (verified and verified != verified_on)):
        update_classified(args.classified, moved, verified)
    missed = sum(1 for w in modpost
                 if not by_ref.get((base_symbol(w["from"]), base_symbol(w["to"]))))
    print(f"parity: modpost {len(modpost)}, found by initcheck {len(modpost) - missed}; "
          f"initcheck beyond modpost {len(beyond)}, classified {len(beyond) - len(unclassified)} "
          f"(moved {len(moved)}), unclassified {len(unclassified)}, stale {len(stale)}")
    return 1 if failed else 0


# ---- order -----------------------------------------------------------------------
def vmlinux_levels(nm_path):
    """{level: [entry symbols]} from `nm -n vmlinux`, by the start symbols of
    vmlinux.lds.h's INIT_CALLS and CON_INITCALL."""
    with open(nm_path) as f:
        syms = [l.split() for l in f]
    syms = [(int(s[0], 16), s[2]) for s in syms if len(s) == 3]
    addr = {name: a for a, name in syms}
    bounds = [("console", "__con_initcall_start", "__con_initcall_end")]
    names = ["early", "0", "1", "2", "3", "4", "5", "rootfs", "6", "7"]
    starts = ["__initcall_start"] + [f"__initcall{n}_start" for n in names[1:]]
    ends = starts[1:] + ["__initcall_end"]
    bounds += list(zip(names, starts, ends))
    levels = {}
    for level, lo, hi in bounds:
        if lo not in addr or hi not in addr:
            die(f"{nm_path}: no {lo} or {hi}: not a linked kernel?")
        levels[level] = [n for a, n in syms
                         if addr[lo] <= a < addr[hi] and n.startswith("__initcall__")]
    return levels


# R_<arch>_RELATIVE by e_machine: x86_64, aarch64, riscv.
RELATIVE = {62: 8, 183: 1027, 243: 3}


class Elf:
    """The allocated sections of a little-endian ELF file, to read the bytes
    at an address, and its RELATIVE relocations: a kernel linked as a shared
    object (riscv's RELOCATABLE) keeps a pointer's value in `.rela.dyn`, the
    word itself is 0 until the kernel relocates itself."""

    def __init__(self, path):
        try:
            with open(path, "rb") as f:
                self.data = f.read()
        except OSError as e:
            die(f"cannot read {path}: {e.strerror}")
        d = self.data
        if d[:4] != b"\x7fELF" or d[5] != 1:
            die(f"{path}: not a little-endian ELF file")
        self.wide = d[4] == 2
        machine, = struct.unpack_from("<H", d, 0x12)
        if self.wide:
            shoff, = struct.unpack_from("<Q", d, 0x28)
            shentsize, shnum = struct.unpack_from("<HH", d, 0x3a)
        else:
            shoff, = struct.unpack_from("<I", d, 0x20)
            shentsize, shnum = struct.unpack_from("<HH", d, 0x2e)
        self.sections = []
        self.relative = {}
        for i in range(shnum):
            at = shoff + i * shentsize
            if self.wide:
                _, kind, _, addr, off, size = struct.unpack_from("<IIQQQQ", d, at)
            else:
                _, kind, _, addr, off, size = struct.unpack_from("<IIIIII", d, at)
            if kind == 1 and addr:  # SHT_PROGBITS, allocated
                self.sections.append((addr, size, off))
            elif kind == 4 and self.wide and machine in RELATIVE:  # SHT_RELA
                for r in range(off, off + size - 23, 24):
                    where, info, addend = struct.unpack_from("<QQQ", d, r)
                    if info & 0xffffffff == RELATIVE[machine]:
                        self.relative[where] = addend

    def read(self, addr, size):
        for start, length, off in self.sections:
            if start <= addr and addr + size <= start + length:
                return self.data[off + addr - start:off + addr - start + size]
        return None


def entry_targets(nm_path, elf_path, config_path):
    """{entry symbol: [names of the function it points at]}, each entry
    decoded as do_initcalls() reads it: with
    CONFIG_HAVE_ARCH_PREL32_RELOCATIONS a 32-bit offset from the entry
    (initcall_from_entry()), else a plain pointer of the target's width
    (32-bit arm); the Thumb bit of an arm pointer is not part of the address."""
    try:
        with open(config_path) as f:
            prel32 = "CONFIG_HAVE_ARCH_PREL32_RELOCATIONS=y" in f.read().split("\n")
    except OSError as e:
        die(f"cannot read {config_path}: {e.strerror}")
    elf = Elf(elf_path)
    functions = collections.defaultdict(list)
    entries = {}
    with open(nm_path) as f:
        for line in f:
            s = line.split()
            if len(s) != 3:
                continue
            addr = int(s[0], 16)
            if s[1] in "tTW" and not s[2].startswith("$"):
                functions[addr].append(s[2])
            if s[2].startswith(("__initcall__", "__con_initcall__")):
                entries[s[2]] = addr
    out = {}
    for name, addr in entries.items():
        if prel32:
            raw = elf.read(addr, 4)
            target = None if raw is None else (addr + struct.unpack("<i", raw)[0]) & (
                (1 << (64 if elf.wide else 32)) - 1)
        else:
            width = 8 if elf.wide else 4
            raw = elf.read(addr, width)
            target = None if raw is None else struct.unpack("<Q" if elf.wide else "<I", raw)[0]
            if raw is not None and addr in elf.relative:
                target = elf.relative[addr]
            if target is not None and not elf.wide:
                target &= ~1
        out[name] = functions.get(target, []) if target is not None else None
    return out, "PREL32 offsets" if prel32 else f"{8 if elf.wide else 4}-byte pointers"


def points_at(entry, targets, function):
    """The entry's target is the table's function, or (Clang LTO) the
    __initstub__ of this very entry that calls it."""
    stub = "__initstub__" + entry[len("__initcall__"):] if entry.startswith("__initcall__") else None
    return any(base_symbol(t) == function or t == stub for t in targets)


def cmd_order(args):
    try:
        with open(args.link) as f:
            table = json.load(f)["initcalls"]
    except (OSError, ValueError, KeyError) as e:
        die(f"cannot read the order table {args.link}: {e}")
    linked = vmlinux_levels(args.nm)
    # vmlinux has one range per level: level N's sync entries (Ns) follow N's.
    ours = collections.OrderedDict((lvl, []) for lvl in linked)
    for e in table:
        lvl = e["level"][:-1] if e["level"].endswith("s") and e["level"] != "rootfs" else e["level"]
        ours.setdefault(lvl, []).append(e["entry"])
    failed = False
    total = 0
    for lvl in ours:
        a, b = ours[lvl], linked.get(lvl, [])
        total += len(b)
        if a == b:
            print(f"  level {lvl:8} {len(b):4} entries: equal")
            continue
        failed = True
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(f"  level {lvl:8} DIFFERS: table {len(a)} entries, vmlinux {len(b)}; "
              f"first difference at {first}: table {a[first] if first < len(a) else '-'}, "
              f"vmlinux {b[first] if first < len(b) else '-'}")
    print(f"order: {total} initcall entries in vmlinux, "
          f"{'equal to the table, level by level, entry by entry' if not failed else 'DIFFERENT from the table'}")
    if args.vmlinux:
        if not args.config:
            die("--vmlinux needs --config")
        targets, encoding = entry_targets(args.nm, args.vmlinux, args.config)
        wrong = 0
        for e in table:
            t = targets.get(e["entry"])
            if e["entry"] not in targets:
                continue  # not in vmlinux: the comparison above failed on it
            if t is None or not points_at(e["entry"], t, e["function"]):
                wrong += 1
                failed = True
                print(f"  entry {e['entry']} points at {', '.join(t) if t else 'no function'}, "
                      f"the table says {e['function']}")
        checked = sum(1 for e in table if e["entry"] in targets)
        print(f"entries: {checked} decoded from vmlinux as {encoding}; "
              f"{checked - wrong} point at the table's function, {wrong} do not")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parity")
    p.add_argument("--diagnostics", required=True)
    p.add_argument("--link", required=True)
    p.add_argument("--modpost", required=True)
    p.add_argument("--classified", required=True)
    p.add_argument("--partial", action="store_true",
                   help="a part of the kernel: classified findings may be absent")
    p.add_argument("--kernel", help="the kernel source this run built (its package version)")
    p.add_argument("--update-classified", action="store_true",
                   help="rewrite the locations of moved classified findings in place")
    o = sub.add_parser("order")
    o.add_argument("--link", required=True)
    o.add_argument("--nm", required=True)
    o.add_argument("--vmlinux", help="decode each entry of this linked kernel")
    o.add_argument("--config", help="the kernel's .config (how entries are encoded)")
    args = ap.parse_args()
    return {"parity": cmd_parity, "order": cmd_order}[args.cmd](args) or 0


if __name__ == "__main__":
    sys.exit(main())
