// initcheck-section-mismatch under clang-tidy: resident code or data that
// references init or exit memory. Strict mode, modpost-compat through
// CheckOptions, C and C++, both initcall encodings. CHECK-NOTES-STRICT
// holds every diagnostic of strict mode with its notes: where the annotation
// is, and why a helper runs after boot.
//
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch %t -- -- -I %inputs -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT,CXX %s initcheck-section-mismatch %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -check-suffixes=,COMPAT %s initcheck-section-mismatch %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs

#include "kernel-init.h"

static int __init setup_hw(void) { return 0; }
static int __initdata boot_buf[4];
static void __exit teardown(void) {}

int reprobe(void) {
  return setup_hw();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: function 'reprobe' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:10: warning: function 'reprobe' references __init function 'setup_hw'
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:19: note: 'setup_hw' declared __init here
}
int read_initdata(void) {
  return boot_buf[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: function 'read_initdata' references __initdata variable 'boot_buf': .init.data is freed after boot [initcheck-section-mismatch]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:10: warning: function 'read_initdata' references __initdata variable 'boot_buf'
  // CHECK-NOTES-STRICT: :[[@LINE-13]]:23: note: 'boot_buf' declared __initdata here
}
void calls_exit(void) {
  teardown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: function 'calls_exit' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: warning: function 'calls_exit' references __exit function 'teardown'
  // CHECK-NOTES-STRICT: :[[@LINE-18]]:20: note: 'teardown' declared __exit here
}

// Data: a driver structure that points to init code.
struct driver { int (*probe)(void); };
struct driver bad_driver = { .probe = setup_hw };
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: variable 'bad_driver' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES-STRICT: :[[@LINE-2]]:39: warning: variable 'bad_driver'
// CHECK-NOTES-STRICT: :[[@LINE-28]]:19: note: 'setup_hw' declared __init here

// Named resident sections are sources in strict mode only: modpost never
// scans .data..read_mostly.
static int (*hook)(void) __read_mostly = setup_hw;
// CHECK-MESSAGES-STRICT: :[[@LINE-1]]:42: warning: variable 'hook' in section '.data..read_mostly' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES-STRICT: :[[@LINE-2]]:42: warning: variable 'hook' in section
// CHECK-NOTES-STRICT: :[[@LINE-35]]:19: note: 'setup_hw' declared __init here
int use_hook(void) { return hook(); }

// A helper used by init code and, through its escaping address, any time:
// an error in both modes; strict mode explains the escape.
static int helper(void) { return boot_buf[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: function 'helper' references __initdata variable 'boot_buf': .init.data is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES-STRICT: :[[@LINE-2]]:34: warning: function 'helper' references __initdata variable 'boot_buf'
// CHECK-NOTES-STRICT: :[[@LINE+2]]:40: note: the address of 'helper' escapes here, in function 'get_helper', so it can be used after boot
// CHECK-NOTES-STRICT: :[[@LINE-43]]:23: note: 'boot_buf' declared __initdata here
int (*get_helper(void))(void) { return helper; }
static int __init use_helper(void) { return helper(); }

// A helper only init code uses is advice (initcheck-init-only-helper) in
// strict mode; modpost, without a call graph, reports the mismatch.
static int init_only(void) { return setup_hw(); }
// CHECK-MESSAGES-COMPAT: :[[@LINE-1]]:37: warning: function 'init_only' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
static int __init board_init(void) { return init_only() + use_helper(); }

#ifdef __cplusplus
// C++ names: a member function calling init code.
struct Device {
  int reset() { return setup_hw(); }
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:24: warning: function 'Device::reset' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
  // CHECK-NOTES-CXX: :[[@LINE-2]]:24: warning: function 'Device::reset'
  // CHECK-NOTES-CXX: :[[@LINE-60]]:19: note: 'setup_hw' declared __init here
};
int reset_device(Device &D) { return D.reset(); }
#endif

// Not mismatches: init code using init memory, __ref vouching for a
// reference, a whitelisted *_ops table, sizeof, and a dead helper.
static int __init fine_init(void) { return setup_hw() + boot_buf[0]; }
static int __ref fine_ref(void) { return setup_hw(); }
struct driver widget_ops = { .probe = setup_hw };
int size_only(void) { return sizeof(boot_buf); }
static int dead(void) { return setup_hw(); }
int keep(void) { return fine_ref(); }

core_initcall(fine_init);
core_initcall(board_init);
