#!/usr/bin/env bash
# The build matrix of matrix.sh (C and C++, -O0 and -O2, GNU ld and lld) for
# a program that loads modules. Two steps, so that one build serves many
# runs:
#
#   module-matrix.sh build CLANG CLANGXX PLUGIN INITCHECK RUNTIME RTLIB \
#     PROG_SRC... -- MODULE_SRC...
#     In ./<tag>/ for each build (c-O0-bfd ... c++-O2-lld): compile every
#     source with the plugin (warn-only), link PROG_SRCs with
#     runtime/ld/initcheck.ld, the runtime and -rdynamic (modules call the
#     program, as modules call the kernel) into prog, each MODULE_SRC with
#     -DMODULE -fPIC into <name>.so (-shared, runtime/ld/initcheck-module.ld),
#     and write table.json: `initcheck link --format=json` of the program's
#     objects, then the modules'. Prints the first build's compiler
#     diagnostics (--- compile). Exits 1 if a step fails.
#
#   module-matrix.sh run CMD...
#     In each ./<tag>/: run CMD (e.g. ./prog ARGS, with INITCHECK_DEBUG=1 in
#     the environment). Prints the first run's stdout and stderr, times and
#     addresses normalized, then one line per build: its exit status and
#     whether its output equals the first build's.
set -uo pipefail
. "$(dirname "$0")/matrix-lib.sh"

if [[ $1 == build ]]; then
  clang=$2 clangxx=$3 plugin=$4 initcheck=$5 rt=$6 rtlib=$7
  shift 7
  prog=() mods=()
  while (($#)) && [[ $1 != -- ]]; do prog+=("$(realpath "$1")"); shift; done
  (($#)) && shift
  while (($#)); do mods+=("$(realpath "$1")"); shift; done
  for tag in "${tags[@]}"; do
    split_tag "$tag"
    cc=$clang; [[ $lang == c++ ]] && cc=$clangxx
    mkdir -p "$tag"
    : > "$tag/compile.txt"
    objs=() modobjs=()
    for src in "${prog[@]}"; do
      obj=$tag/$(basename "${src%.c}").o
      (cd "$tag" && "$cc" -x "$lang" -fplugin="$plugin" \
        -fplugin-arg-initcheck-warn-only -I "$rt/include" -I "$(dirname "$src")" \
        $opt -c "$src" -o "$(basename "$obj")") 2>> "$tag/compile.txt" || exit 1
      objs+=("$obj")
    done
    for src in "${mods[@]}"; do
      name=$(basename "${src%.c}")
      (cd "$tag" && "$cc" -x "$lang" -fplugin="$plugin" \
        -fplugin-arg-initcheck-warn-only -I "$rt/include" -I "$(dirname "$src")" \
        -DMODULE -fPIC $opt -c "$src" -o "$name.o") 2>> "$tag/compile.txt" || exit 1
      "$cc" -fuse-ld=$ld -shared "$tag/$name.o" -Wl,-T,"$rt/ld/initcheck-module.ld" \
        -o "$tag/$name.so" || exit 1
      modobjs+=("$tag/$name.o")
    done
    if [[ $tag == "${tags[0]}" ]]; then
      echo "--- compile"; sed -E "s#$(dirname "${prog[0]}")/##" "$tag/compile.txt"
    fi
    "$cc" -fuse-ld=$ld -rdynamic "${objs[@]}" -Wl,-T,"$rt/ld/initcheck.ld" "$rtlib" \
      -o "$tag/prog" || exit 1
    # Status 1 is mismatches found (in the JSON): the table is there.
    "$initcheck" link --format=json "${objs[@]}" "${modobjs[@]}" > "$tag/table.json"
    (($? <= 1)) || exit 1
  done
  exit 0
fi

if [[ $1 == run ]]; then
  shift
  for tag in "${tags[@]}"; do
    (cd "$tag" && "$@" > out.txt 2> err.txt)
    rc=$?
    normalize "$tag/err.txt" > "$tag/norm.txt"
    show_first_run "$tag" "$tag/out.txt" "$tag/norm.txt"
    same=same
    { diff -q "$first/out.txt" "$tag/out.txt" && diff -q "$first/norm.txt" "$tag/norm.txt"; } \
      > /dev/null || same=DIFFERENT
    echo "$tag: exit $rc, output $same"
  done
  exit 0
fi
echo "usage: module-matrix.sh build ... | run CMD..." >&2
exit 2
