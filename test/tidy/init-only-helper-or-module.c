// initcheck-init-only-helper under clang-tidy, with __init_or_module
// targets (init/main.c's do_trace_initcall_start()): without modules the
// helper is init-only, and the fix-it is the target's own annotation, right
// with modules too; a plain __init target still gets __init. With modules
// only the plain one is init memory.
//
// RUN: %check_initcheck_tidy -fix %s initcheck-init-only-helper %t -- -- -I %inputs -D__KERNEL__
// RUN: %check_initcheck_tidy -fix %s initcheck-init-only-helper %t -- -- -I %inputs -D__KERNEL__ -x c++
// RUN: %check_initcheck_tidy -check-suffixes=MODULES %s initcheck-init-only-helper %t -- -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef int (*initcall_t)(void);
static __init_or_module void trace_start_cb(initcall_t fn) { (void)fn; }
static int __initdata_or_module initcall_count;
static int __init early_probe(void) { return 0; }

static void trace_start(initcall_t fn) { trace_start_cb(fn); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: function 'trace_start' references __init function 'trace_start_cb' and is only used by init code: mark it __init_or_module [initcheck-init-only-helper]
// CHECK-FIXES: static void __init_or_module trace_start(initcall_t fn) { trace_start_cb(fn); }
static int count_initcall(void) { return ++initcall_count; }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: function 'count_initcall' references __initdata variable 'initcall_count' and is only used by init code: mark it __init_or_module [initcheck-init-only-helper]
// CHECK-FIXES: static int __init_or_module count_initcall(void) { return ++initcall_count; }
static int probe_early(void) { return early_probe(); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: function 'probe_early' references __init function 'early_probe' and is only used by init code: mark it __init [initcheck-init-only-helper]
// CHECK-MESSAGES-MODULES: :[[@LINE-2]]:39: warning: function 'probe_early' references __init function 'early_probe' and is only used by init code: mark it __init [initcheck-init-only-helper]
// CHECK-FIXES: static int __init probe_early(void) { return early_probe(); }

int __init_or_module do_one_initcall(initcall_t fn) {
  trace_start(fn);
  count_initcall();
  return fn();
}
int __init setup_initcalls(void) { return probe_early(); }

#ifdef __cplusplus
}
#endif
