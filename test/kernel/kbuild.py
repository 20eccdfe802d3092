"""What Kbuild recorded about a built kernel tree, for test/kernel/mutate and
bench/kernel: which objects were compiled from C, and with what command."""

import hashlib
import os
import re
import shlex

_SKIP_DIRS = ("scripts", "tools", "Documentation", "usr")


def compile_command(tree, obj):
    """The compile command of obj (relative to tree) as words, from
    `.<obj>.cmd`, without initcheck's own arguments; None when obj is not a
    kernel C object (host programs, assembly, generated objects)."""
    d, base = os.path.split(obj)
    try:
        with open(os.path.join(tree, d, f".{base}.cmd")) as f:
            m = re.match(r"savedcmd_\S+ := (.*)", f.readline())
    except OSError:
        return None
    if not m:
        return None
    words = shlex.split(m.group(1).split(" ; ")[0])  # objtool & co. follow a ';'
    if "-c" not in words or "-D__KERNEL__" not in words:
        return None
    return [w for w in words if not w.startswith(("-fplugin=", "-fplugin-arg-initcheck"))]


def retarget(words, output, depfile, source=None, new_source=None):
    """The command writing output and depfile instead of the tree's files,
    and compiling new_source in place of source."""
    out, skip = [], False
    for w in words:
        if skip:
            skip = False
        elif w.startswith("-Wp,-MMD,"):
            out.append(f"-Wp,-MMD,{depfile}")
        elif w == "-o":
            out += ["-o", output]
            skip = True
        else:
            out.append(new_source if source is not None and w == source else w)
    return out


def kernel_objects(tree, dirs=()):
    """Kernel objects compiled from C that exist, under dirs (`mm/`; all when
    empty), in a stable order spread over the tree (not directory order)."""
    objs = []
    for root, subdirs, files in os.walk(tree):
        rel = os.path.relpath(root, tree)
        if rel != "." and (rel.split(os.sep)[0] in _SKIP_DIRS or rel.startswith(".")):
            subdirs[:] = []
            continue
        for f in files:
            if not (f.startswith(".") and f.endswith(".o.cmd")):
                continue
            obj = os.path.normpath(os.path.join(rel, f[1:-4]))
            if dirs and not any(obj.startswith(d) for d in dirs):
                continue
            if (os.path.exists(os.path.join(tree, obj[:-2] + ".c"))
                    and os.path.exists(os.path.join(tree, obj))):
                objs.append(obj)
    objs.sort(key=lambda o: hashlib.sha1(o.encode()).hexdigest())
    return objs
