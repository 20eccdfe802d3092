#!/usr/bin/env bash
# usage: distcc-build.sh OUTDIR CLANG PLUGIN INPUTS PYTHON SRC...
# Compile SRC with the plugin through real distcc, on a distccd this script
# starts on 127.0.0.1 (a free port) and always stops, into OUTDIR. Work
# files go to ./distcc. Prints what it found out and checked:
#
# - distccd refuses any command line with -fplugin= ("insecure and not
#   supported", distcc 3.4 serve.c), and the distcc client drops the "-load"
#   of "-Xclang -load -Xclang PLUGIN" (it takes it for the linker's -l), so
#   neither form can compile remotely. Both are shown to fail.
# - What works: a compiler whose name carries the plugin, the same on both
#   ends, allowed by the daemon's own DISTCC_CMDLIST (no system-wide
#   /usr/lib/distcc masquerade link needed): clang-initcheck runs
#   `clang -fplugin=PLUGIN "$@"`. The client preprocesses locally, the
#   daemon compiles the preprocessed file, and the plugin runs there.
# - Every SRC really compiled remotely: the client may not fall back to a
#   local compile (DISTCC_FALLBACK=0, DISTCC_SKIP_LOCAL_RETRY=1), its log
#   names the daemon for each file, and the daemon logged each COMPILE_OK.
set -euo pipefail
out=$1 clang=$2 plugin=$3 inputs=$4 python=$5
shift 5
for v in $(compgen -e); do
  case $v in DISTCC_*) unset "$v" ;; esac
done
work=$PWD/distcc
rm -rf "$work"
mkdir -p "$out" "$work/bin"
# Run as root, the daemon drops to the distccd user, which must reach the
# compiler below (split-file made this directory 0750) and write its
# temporary files.
chmod a+x "$PWD"
mkdir -m 1777 "$work/tmp"

cc="$work/bin/clang-initcheck"
printf '#!/bin/sh\nexec "%s" -fplugin="%s" "$@"\n' "$clang" "$plugin" > "$cc"
chmod +x "$cc"
printf '%s\n' "$cc" "$clang" > "$work/cmdlist"

# The daemon, in the foreground (--no-detach) of a background job under
# timeout, which bounds its life even if this script is killed: $! is
# timeout, which passes SIGTERM on to the daemon, which takes down its
# preforked children. No pid file: after dropping root the daemon could not
# write one into this directory.
dpid=
stop() {
  if [ -n "$dpid" ]; then
    kill "$dpid" 2> /dev/null || true
    wait "$dpid" 2> /dev/null || true
    dpid=
  fi
}
trap stop EXIT
trap "exit 1" INT TERM HUP
for attempt in 1 2 3 4 5; do
  port=$("$python" -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  DISTCC_CMDLIST=$work/cmdlist TMPDIR=$work/tmp timeout 300 distccd \
    --daemon --no-detach --listen 127.0.0.1 --port "$port" \
    --allow 127.0.0.1 --jobs 1 --log-stderr --log-level info \
    2> "$work/distccd.log" &
  dpid=$!
  for _ in $(seq 300); do
    grep -q "listening on 127.0.0.1:$port" "$work/distccd.log" && break 2
    kill -0 "$dpid" 2> /dev/null || break
    sleep 0.1
  done
  stop
done
if [ -z "$dpid" ]; then
  echo "distccd did not start:" >&2
  cat "$work/distccd.log" >&2
  exit 1
fi

export DISTCC_HOSTS="127.0.0.1:$port/1,lzo" DISTCC_FALLBACK=0
export DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_IO_TIMEOUT=60
export DISTCC_VERBOSE=1 DISTCC_LOG=$work/client.log
# A failed compile puts the host into backoff (recorded in DISTCC_DIR): each
# step has its own.
client() { export DISTCC_DIR=$work/client-$1; mkdir "$DISTCC_DIR"; }
flags=(-I "$inputs" -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS -c)

# Must fail, and not by running out of time (124).
fails() {
  local rc=0
  timeout 60 "$@" || rc=$?
  [ $rc != 0 ] && [ $rc != 124 ] || { echo "not refused ($rc): $*" >&2; exit 1; }
}
client refused
fails distcc "$clang" -fplugin="$plugin" "${flags[@]}" "$1" \
  -o "$work/refused.o" 2> "$work/refused.err"
grep -q -- '-fplugin= and/or -specs= passed, which are insecure and not supported' \
  "$work/distccd.log"
echo "distccd refuses -fplugin="
client stripped
fails distcc "$clang" -Xclang -load -Xclang "$plugin" "${flags[@]}" "$1" \
  -o "$work/stripped.o" 2> "$work/stripped.err"
grep -q -F -- "result: $clang -Xclang -Xclang $plugin " "$work/client.log"
echo "distcc drops -load from -Xclang -load -Xclang PLUGIN"

client build
for src in "$@"; do
  timeout 120 distcc "$cc" "${flags[@]}" "$src" -o "$out/${src%.c}.o"
  grep -q -F "compile $src on 127.0.0.1:$port/1,lzo completed ok" \
    "$work/client.log"
done
# The daemon logs a job's summary after it has answered: wait for it.
for _ in $(seq 300); do
  n=$(grep -c "COMPILE_OK .* $cc " "$work/distccd.log" || true)
  [ "$n" = $# ] && break
  sleep 0.1
done
echo "distccd compiled $n of $# with $(basename "$cc")"

pid=$dpid
stop
# The daemon's pre-forked children hold the listening socket and exit just
# after it: on a loaded machine that takes a moment, so poll (bounded).
running() {
  kill -0 "$pid" 2> /dev/null ||
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null
}
for _ in $(seq 150); do
  running || break
  sleep 0.1
done
if running; then
  echo "distccd still running" >&2
  exit 1
fi
echo "distccd stopped"
