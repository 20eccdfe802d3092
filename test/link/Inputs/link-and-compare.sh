#!/usr/bin/env bash
# usage: link-and-compare.sh CLANG PLUGIN INITCHECK PYTHON INPUTS HERE SRC...
# For each kernel encoding and each linker: compile SRC with the plugin,
# link a program with the initcall linker script, and check that the
# initcall entries it holds (nm -n) are initcheck link's table, in order.
set -euo pipefail
clang=$1 plugin=$2 initcheck=$3 python=$4 inputs=$5 here=$6
shift 6
for enc in "" -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS; do
  objs=()
  for src in "$@"; do
    obj=${src%.c}$enc.o
    "$clang" -fplugin="$plugin" -I "$inputs" $enc -O2 -c "$src" -o "$obj"
    objs+=("$obj")
  done
  "$initcheck" link --format=json "${objs[@]}" > "table$enc.json"
  for ld in bfd lld; do
    "$clang" -fuse-ld=$ld -Wl,-T,"$here/initcalls.ld" "${objs[@]}" -o "prog-$ld$enc"
    llvm-nm -n "prog-$ld$enc" > "nm-$ld$enc.txt"
    echo -n "${enc:-plain} $ld: "
    "$python" "$here/entries.py" "table$enc.json" "nm-$ld$enc.txt"
  done
done
