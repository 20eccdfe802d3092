#!/usr/bin/env bash
# usage: [MATRIX_CFLAGS=...] matrix.sh CLANG CLANGXX PLUGIN INITCHECK RUNTIME RTLIB PYTHON HERE SCRIPT SRC... [-- ARGS]
# For C and C++, -O0 and -O2, GNU ld and lld: compile SRC with the plugin
# (warn-only), link with runtime/ld/SCRIPT.ld and the runtime, run the program
# with INITCHECK_DEBUG=1. Prints the first build's compiler diagnostics and
# the run's stderr (times and addresses normalized), then one line per build:
# its exit status, whether its output equals the first, and whether the
# initcalls it ran equal `initcheck link --format=json` of its objects.
# A failed link prints the linker's errors instead.
set -uo pipefail
clang=$1 clangxx=$2 plugin=$3 initcheck=$4 rt=$5 rtlib=$6 python=$7 here=$8 script=$9
shift 9
srcs=() args=()
while (($#)); do
  [[ $1 == -- ]] && { shift; args=("$@"); break; }
  srcs+=("$1"); shift
done
. "$(dirname "$0")/matrix-lib.sh"
for tag in "${tags[@]}"; do
  split_tag "$tag"
  cc=$clang; [[ $lang == c++ ]] && cc=$clangxx
  objs=()
  : > "compile-$tag.txt"
  for src in "${srcs[@]}"; do
    obj=${src%.c}-$tag.o
    "$cc" -x "$lang" -fplugin="$plugin" -fplugin-arg-initcheck-warn-only \
      -I "$rt/include" $opt ${MATRIX_CFLAGS:-} -c "$src" -o "$obj" \
      2>> "compile-$tag.txt" || exit 1
    objs+=("$obj")
  done
  if [[ $tag == c-O0-bfd ]]; then
    echo "--- compile"; cat "compile-$tag.txt"
  fi
  if ! "$cc" -fuse-ld=$ld "${objs[@]}" -Wl,-T,"$rt/ld/$script.ld" "$rtlib" \
      -o "prog-$tag" 2> "link-$tag.txt"; then
    echo "$tag: link failed"
    grep -E 'error|discarded' "link-$tag.txt" | grep -v 'linker command failed' | sed -E 's/-[a-z+]+-O[02]-(bfd|lld)\.o/.o/g' | head -3
    continue
  fi
  INITCHECK_DEBUG=1 "./prog-$tag" "${args[@]}" > "out-$tag.txt" 2> "err-$tag.txt"
  rc=$?
  normalize "err-$tag.txt" > "norm-$tag.txt"
  show_first_run "$tag" "out-$tag.txt" "norm-$tag.txt"
  "$initcheck" link --format=json "${objs[@]}" > "table-$tag.json"
  same=same; diff -q "norm-$first.txt" "norm-$tag.txt" > /dev/null || same=DIFFERENT
  # The symbols the plugin reported and the one the runtime caught.
  named=$(grep -oE "references __[a-z]+ [a-z]+ '[^']+'" "compile-$tag.txt" |
           sed -E "s/.*'(.*)'/\1/" | sort -u | tr '\n' ' ')
  caught=$(sed -nE 's/^initcheck: access to freed init memory at [^ ]+ ([^+]+)\+.*/\1/p' "err-$tag.txt")
  echo "$tag: exit $rc, output $same, $("$python" "$here/trace_vs_table.py" "table-$tag.json" "err-$tag.txt"), plugin: ${named:-none}, runtime: ${caught:-none}"
done
