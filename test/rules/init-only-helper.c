// initcheck-init-only-helper: an unannotated static helper that only init
// (or only exit) code uses, and that references init (exit) memory. Advice,
// with a fix-it that adds the annotation; the build does not fail.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// The fix-its: exactly these edits, and the fixed file is clean.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
// RUN: cp %s %t.c && %initcheck_cc1 -I %inputs -fixit %t.c
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=fixed %t.c
// Without the kernel's macros the fix-it spells the attribute.
// RUN: %initcheck_cc1 -fsyntax-only -DNO_MACROS -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=RAW
// In modpost-compat mode there is no call graph: these are mismatches.
// RUN: not %initcheck_cc1 -fsyntax-only -I %inputs -plugin-arg-initcheck modpost-compat -fno-caret-diagnostics %s 2>&1 | FileCheck %s --check-prefix=COMPAT
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs
// fixed-no-diagnostics

#ifndef NO_MACROS
#include "kernel-init.h"

static int __init probe_bus(void) { return 0; } // #probe_bus
static int __initdata bus_count;                 // #bus_count
static void __exit bus_release(void) {}           // #bus_release

// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int scan_one(int i) {
  return probe_bus() + i; // expected-warning {{function 'scan_one' references __init function 'probe_bus' and is only used by init code: mark it __init [initcheck-init-only-helper]}} expected-note@#probe_bus {{'probe_bus' declared __init here}}
}
// Transitively: scan_all is init-only because its only user is init code.
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int scan_all(void) {
  return scan_one(0) + scan_one(1) + bus_count; // expected-warning {{function 'scan_all' references __initdata variable 'bus_count' and is only used by init code: mark it __init}} expected-note {{'scan_one' is called by function 'scan_all' here}} expected-note@#bus_count {{declared __initdata here}}
}
// A static object only init code uses: __initdata, or __initconst if const.
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:22-[[@LINE+1]]:22}:" __initdata"
static int *count_ptr = &bus_count; // expected-warning {{variable 'count_ptr' references __initdata variable 'bus_count' and is only used by init code: mark it __initdata}} expected-note@#bus_count {{declared __initdata here}}
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:35-[[@LINE+1]]:35}:" __initconst"
static int (*const probes[])(void) = { probe_bus }; // expected-warning {{variable 'probes' references __init function 'probe_bus' and is only used by init code: mark it __initconst}} expected-note@#probe_bus {{declared __init here}}

static int __init bus_init(void) {
  return scan_all() + *count_ptr + probes[0](); // expected-note 2 {{'scan_all' is called by __init function 'bus_init' here}} expected-note {{'count_ptr' is used by __init function 'bus_init' here}} expected-note {{'probes' is used by __init function 'bus_init' here}}
}

// A helper only exit code uses, referencing exit code: mark it __exit.
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:13-[[@LINE+1]]:13}:"__exit "
static void release_all(void) {
  bus_release(); // expected-warning {{function 'release_all' references __exit function 'bus_release' and is only used by exit code: mark it __exit}} expected-note@#bus_release {{declared __exit here}}
}
static void __exit bus_exit(void) { release_all(); } // expected-note {{'release_all' is called by __exit function 'bus_exit' here}}

// A helper in an __initdata table of function pointers is used during init.
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int step_one(void) { return probe_bus(); } // expected-warning {{function 'step_one' references __init function 'probe_bus' and is only used by init code}} expected-note@#probe_bus {{declared __init here}}
static int (*steps[])(void) __initdata = { step_one }; // expected-note {{'step_one' is used by __initdata variable 'steps' here}}
static int __init run_steps(void) { return steps[0](); }

// A helper only __ref code uses runs under its caller's guard, but out of
// line modpost sees .text -> .init.text: it should vouch too.
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__ref "
static int late_probe(void) { return probe_bus(); } // expected-warning {{function 'late_probe' references __init function 'probe_bus' and is only used by __ref code: mark it __ref}} expected-note@#probe_bus {{declared __init here}}
static int __ref maybe_probe(int booting) { return booting ? late_probe() : 0; } // expected-note {{'late_probe' is called by __ref function 'maybe_probe' here}}
int resident_entry(int booting) { return maybe_probe(booting); }

// No advice: always_inline helpers are never out of line; dead helpers are
// never emitted; annotated helpers are fine.
static inline __attribute__((always_inline)) int inlined(void) { return probe_bus(); }
static int dead(void) { return probe_bus(); }
static int __init good(void) { return probe_bus() + inlined(); }

module_init(bus_init);
module_exit(bus_exit);
core_initcall(run_steps);
late_initcall(good);

// COMPAT: error: function 'scan_one' references __init function 'probe_bus': .init.text is freed after boot [initcheck-section-mismatch]
// COMPAT-NOT: initcheck-init-only-helper

#else
// RAW: fix-it:"{{.*}}":{[[@LINE+2]]:12-[[@LINE+2]]:12}:"__attribute__((__section__(\".init.text\"))) "
int __attribute__((section(".init.text"))) raw_probe(void) { return 0; }
static int raw_helper(void) { return raw_probe(); }
__attribute__((section(".init.text"))) int raw_init(void) { return raw_helper(); }
#endif
