// initcheck-init-only-helper under clang-tidy: an unannotated static helper
// that only init (or only exit) code uses and that references init (exit)
// memory. Advice with a fix-it that adds the annotation; -fix gives a file
// that compiles and that no initcheck check objects to.
//
// RUN: %check_initcheck_tidy %s initcheck-init-only-helper %t -- -- -I %inputs
// RUN: %check_initcheck_tidy %s initcheck-init-only-helper %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-init-only-helper %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-init-only-helper %t -- -- -I %inputs -x c++
// Without the kernel's macros the fix-it spells the attribute.
// RUN: %check_initcheck_tidy -check-suffixes=RAW -fix -clean-after-fix %s initcheck-init-only-helper %t -- -- -DNO_MACROS
// In modpost-compat mode there is no call graph, hence no advice.
// RUN: %check_initcheck_tidy -check-suffixes=COMPAT %s initcheck-init-only-helper %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs

#ifndef NO_MACROS
#include "kernel-init.h"

static int __init probe_bus(void) { return 0; }
static int __initdata bus_count;
static void __exit bus_release(void) {}

static int scan_one(int i) { return probe_bus() + i; }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: function 'scan_one' references __init function 'probe_bus' and is only used by init code: mark it __init [initcheck-init-only-helper]
// CHECK-FIXES: static int __init scan_one(int i) { return probe_bus() + i; }
// Transitively: scan_all is init-only because its only user is init code.
static int scan_all(void) { return scan_one(0) + bus_count; }
// CHECK-MESSAGES: :[[@LINE-1]]:50: warning: function 'scan_all' references __initdata variable 'bus_count' and is only used by init code: mark it __init [initcheck-init-only-helper]
// CHECK-FIXES: static int __init scan_all(void) { return scan_one(0) + bus_count; }
// A static object only init code uses: __initdata, or __initconst if const.
static int *count_ptr = &bus_count;
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: variable 'count_ptr' references __initdata variable 'bus_count' and is only used by init code: mark it __initdata [initcheck-init-only-helper]
// CHECK-FIXES: static int *count_ptr __initdata = &bus_count;
static int (*const probes[])(void) = { probe_bus };
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: variable 'probes' references __init function 'probe_bus' and is only used by init code: mark it __initconst [initcheck-init-only-helper]
// CHECK-FIXES: static int (*const probes[])(void) __initconst = { probe_bus };
static int __init bus_init(void) { return scan_all() + *count_ptr + probes[0](); }

// A helper only exit code uses, referencing exit code: mark it __exit.
static void release_all(void) { bus_release(); }
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: function 'release_all' references __exit function 'bus_release' and is only used by exit code: mark it __exit [initcheck-init-only-helper]
// CHECK-FIXES: static void __exit release_all(void) { bus_release(); }
static void __exit bus_exit(void) { release_all(); }

// No advice: always_inline helpers are never out of line, dead helpers are
// never emitted, and a helper resident code uses is an error of another
// check (initcheck-section-mismatch), not advice.
static inline __attribute__((always_inline)) int inlined(void) { return probe_bus(); }
static int dead(void) { return probe_bus(); }
static int __init good(void) { return probe_bus() + inlined(); }

module_init(bus_init);
module_exit(bus_exit);
late_initcall(good);

// CHECK-MESSAGES-COMPAT-NOT: warning:

#else
int __attribute__((section(".init.text"))) raw_probe(void) { return 0; }
static int raw_helper(void) { return raw_probe(); }
// CHECK-MESSAGES-RAW: :[[@LINE-1]]:38: warning: function 'raw_helper' references __init function 'raw_probe' and is only used by init code: mark it __init [initcheck-init-only-helper]
// CHECK-FIXES-RAW: static int __attribute__((__section__(".init.text"))) raw_helper(void) { return raw_probe(); }
__attribute__((section(".init.text"))) int raw_init(void) { return raw_helper(); }
#endif
