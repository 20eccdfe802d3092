#!/usr/bin/env bash
# usage: ccache-build.sh OUTDIR CLANG PLUGIN INPUTS SRC...
# Compile SRC through real ccache (with the plugin) into OUTDIR, with a cache
# private to the current directory (./ccache), and print how many compiles
# ran and how many came from the cache:
#   OUTDIR: N compiled, M from the cache
# Nothing of the user's or the system's ccache setup applies: no CCACHE_*
# variable from the environment, an empty configuration file.
set -euo pipefail
out=$1 clang=$2 plugin=$3 inputs=$4
shift 4
for v in $(compgen -e); do
  case $v in CCACHE_*) unset "$v" ;; esac
done
export CCACHE_DIR=$PWD/ccache/dir CCACHE_CONFIGPATH=$PWD/ccache/ccache.conf
export CCACHE_LOGFILE=$PWD/ccache/ccache.log
mkdir -p "$out" "$CCACHE_DIR"
: > "$CCACHE_CONFIGPATH"
ccache --zero-stats > /dev/null
for src in "$@"; do
  timeout 120 ccache "$clang" -fplugin="$plugin" -I "$inputs" \
    -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS -c "$src" -o "$out/${src%.c}.o"
done
counter() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }
echo "$out: $(counter cache_miss) compiled," \
  "$(( $(counter direct_cache_hit) + $(counter preprocessed_cache_hit) )) from the cache"
