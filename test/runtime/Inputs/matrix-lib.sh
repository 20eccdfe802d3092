# Sourced by matrix.sh and module-matrix.sh: the builds of the matrix (C and
# C++, -O0 and -O2, GNU ld and lld) and how a run's output is shown.
tags=()
for lang in c c++; do
  for opt in -O0 -O2; do
    for ld in bfd lld; do
      tags+=("$lang$opt-$ld")
    done
  done
done

# A tag's parts: lang, opt (-O0, -O2) and ld.
split_tag() {
  local rest=${1#*-}
  lang=${1%%-*} opt=-${rest%%-*} ld=${rest#*-}
}

# Times and addresses differ from run to run.
normalize() {
  sed -E 's/after [0-9]+ usecs/after T usecs/; s/0x[0-9a-f]+:/ADDR:/' "$1"
}

# The first build's run, whole (TAG STDOUT NORMALIZED-STDERR); the others
# are only compared with it.
first=
show_first_run() {
  [[ -n $first ]] && return
  first=$1
  echo "--- stdout"; cat "$2"
  echo "--- stderr"; cat "$3"
  echo "---"
}
