# test/xen/run --baseline: sourced by test/xen/run after its checks of the
# warn-only build (src, out, plugin, initcheck, levels, prelink and fail()
# are its). The default (error) mode builds Xen with a baseline of today's
# findings, and a mismatch planted afterwards fails the build
# (docs/xen.md#baseline-and-a-planted-mismatch).

xen_make() { # LOG: xen/ in the default (error) mode, with the baseline
  nice -n 10 make -C "$src/xen" -j"$(nproc)" CC=clang-19 HOSTCC=gcc \
    EXTRA_CFLAGS_XEN_CORE="-fplugin=$plugin -fplugin-arg-initcheck-initcall-levels=$levels -fplugin-arg-initcheck-baseline=$out/baseline.sarif" \
    > "$1" 2>&1
}
count() { grep -c "$1" "$2"; } # PATTERN FILE: matching lines (0 if none)

# The baselines, made where make compiles (xen/): the names must agree.
(cd "$src/xen" && "$initcheck" findings --format=sarif -o "$out/baseline.sarif" "$out/build.log") ||
  { fail "initcheck findings could not make the baseline"; return; }
(cd "$src/xen" && "$initcheck" link --warn-only --initcall-levels=$levels \
  --sarif="$out/link-baseline.sarif" "$prelink" > /dev/null 2>&1)
results=$(grep -c '"initcheck/v1"' "$out/baseline.sarif")
echo "baseline: $results findings from the warn-only build's log ($(count '\[initcheck-' "$out/build.log") printed), $(grep -c '"initcheck/v1"' "$out/link-baseline.sarif") in the link's"

# Every object removed, so that every file is compiled with the baseline.
compiled=$(count '^ *CC ' "$out/build.log")
find "$src/xen" -name '*.o' -delete
start=$(date +%s)
xen_make "$out/build-baseline.log"
rc=$?
echo "error mode + baseline: make exit $rc in $(( $(date +%s) - start ))s, $(count '^ *CC ' "$out/build-baseline.log") C files compiled, $(count 'error: .*\[initcheck-' "$out/build-baseline.log") initcheck errors, $(count 'remark: accepted by the baseline' "$out/build-baseline.log") accepted"
[ $rc = 0 ] || fail "the default mode with the baseline failed ($out/build-baseline.log)"
[ "$(count '^ *CC ' "$out/build-baseline.log")" -ge "$compiled" ] ||
  fail "fewer C files compiled with the baseline than in the warn-only build ($compiled)"
(cd "$src/xen" && "$initcheck" link --initcall-levels=$levels \
  --baseline="$out/link-baseline.sarif" "$prelink" > /dev/null 2> "$out/link-baseline.log")
rc=$?
echo "link + baseline: exit $rc, $(count 'error: ' "$out/link-baseline.log") errors, $(count 'remark: accepted by the baseline' "$out/link-baseline.log") accepted"
[ $rc = 0 ] || fail "initcheck link with its baseline failed ($out/link-baseline.log)"

# The planted mismatch, in the tree for one build, then reverted.
planted=$src/xen/common/version.c
cp "$planted" "$out/version.c.orig" || { fail "cannot save $planted"; return; }
trap 'cp "$out/version.c.orig" "$planted"' EXIT
printf '%s\n' '' '/* planted by initcheck test/xen/run --baseline */' \
  'void initcheck_planted(void);' \
  'void initcheck_planted(void) { xen_build_init(); }' >> "$planted"
start=$(date +%s)
xen_make "$out/build-planted.log"
rc=$?
cp "$out/version.c.orig" "$planted" && trap - EXIT
errors=$(grep -E 'error: .*\[initcheck-' "$out/build-planted.log")
echo "planted in common/version.c: make exit $rc in $(( $(date +%s) - start ))s, $(count '^ *CC ' "$out/build-planted.log") C files compiled, $(printf '%s' "$errors" | grep -c .) initcheck errors:"
printf '  %s\n' "$errors"
[ $rc != 0 ] || fail "the planted mismatch did not fail the build"
[ "$(printf '%s' "$errors" | grep -c .)" = 1 ] &&
  printf '%s' "$errors" | grep -q "^common/version.c:.*function 'initcheck_planted' references __init function 'xen_build_init'" ||
  fail "the build did not fail with exactly the planted error"
cmp -s "$out/version.c.orig" "$planted" || fail "$planted not restored"
start=$(date +%s)
xen_make "$out/build-reverted.log"
rc=$?
echo "reverted: make exit $rc in $(( $(date +%s) - start ))s, $(count '^ *CC ' "$out/build-reverted.log") C files compiled, $(count 'error: .*\[initcheck-' "$out/build-reverted.log") initcheck errors"
[ $rc = 0 ] || fail "the build after the revert failed ($out/build-reverted.log)"
