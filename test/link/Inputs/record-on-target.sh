#!/usr/bin/env bash
# usage: record-on-target.sh CLANG PLUGIN INITCHECK PYTHON INPUTS HERE NAME FLAGS...
# Compile x.c and y.c with the plugin and FLAGS (a --target and its
# options), then print what the record must give on that target: the
# section's type and flags, `initcheck link`'s table and diagnostics on the
# objects and on their `ld -r` output, and whether a program linked from
# them (ld.lld, the initcall linker script) holds that table's entries in
# that order.
set -euo pipefail
clang=$1 plugin=$2 initcheck=$3 python=$4 inputs=$5 here=$6 name=$7
shift 7
for src in x y; do
  "$clang" "$@" -ffreestanding -O2 -fplugin="$plugin" -I "$inputs" \
    -c $src.c -o $name-$src.o
done
llvm-readelf -S -W $name-x.o | awk -v n=$name '{
  for (i = 1; i <= NF; ++i)
    if ($i == ".discard.initcheck")
      print n ": " $i " " $(i + 1) ", flags " $(i + 6)
}'
ld.lld -r $name-x.o $name-y.o -o $name-r.o
for objs in "$name-x.o $name-y.o" $name-r.o; do
  rc=0
  "$initcheck" link $objs > $name.table 2> $name.diags || rc=$?
  echo "$name: initcheck link $objs: exit $rc"
  cat $name.table $name.diags
done
"$initcheck" link --format=json $name-x.o $name-y.o > $name.json || true
ld.lld -e resident -T "$here/initcalls.ld" $name-x.o $name-y.o -o $name-prog
llvm-nm -n $name-prog > $name-nm.txt
echo -n "$name: "
"$python" "$here/entries.py" $name.json $name-nm.txt
