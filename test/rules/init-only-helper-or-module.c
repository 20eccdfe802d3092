// initcheck-init-only-helper and __init_or_module (include/linux/module.h):
// init memory only in a kernel without CONFIG_MODULES. init/main.c's static
// inline do_trace_initcall_start() is used only by do_one_initcall() and
// calls trace_initcall_start_cb(), both __init_or_module: without modules
// it is init-only code, but `__init` would be wrong with modules, where
// do_one_initcall() is resident (it runs a module's init) and would call
// into freed memory. The advice and the fix-it are the target's own
// annotation, right in both configurations. A plain __init target still
// gets __init.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -D__KERNEL__ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -D__KERNEL__ -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -D__KERNEL__ -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
// The fixed file is clean with and without modules.
// RUN: cp %s %t.c && %initcheck_cc1 -I %inputs -D__KERNEL__ -fixit %t.c
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=fixed -D__KERNEL__ %t.c
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=fixed -D__KERNEL__ -DCONFIG_MODULES %t.c
// With modules everything here is resident but the plain __init target.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=modules -D__KERNEL__ -DCONFIG_MODULES %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin does.
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs -D__KERNEL__
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs -D__KERNEL__ -x c++
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES
// fixed-no-diagnostics

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef int (*initcall_t)(void);
int initcall_debug;

static __init_or_module void trace_initcall_start_cb(initcall_t fn) { (void)fn; } // #start_cb
static int __initdata_or_module initcall_count; // #count
static int __init early_probe(void) { return 0; } // #early

// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:20-[[@LINE+1]]:20}:"__init_or_module "
static inline void do_trace_initcall_start(initcall_t fn) {
  if (initcall_debug)
    trace_initcall_start_cb(fn); // expected-warning {{function 'do_trace_initcall_start' references __init function 'trace_initcall_start_cb' and is only used by init code: mark it __init_or_module [initcheck-init-only-helper]}} expected-note@#start_cb {{'trace_initcall_start_cb' declared __init here}} expected-note@#caller {{'do_trace_initcall_start' is called by __init function 'do_one_initcall' here}}
}
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init_or_module "
static int count_initcall(void) {
  return ++initcall_count; // expected-warning {{function 'count_initcall' references __initdata variable 'initcall_count' and is only used by init code: mark it __init_or_module [initcheck-init-only-helper]}} expected-note@#count {{'initcall_count' declared __initdata here}} expected-note@#count_caller {{'count_initcall' is called by __init function 'do_one_initcall' here}}
}
// FIX: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int probe_early(void) {
  return early_probe(); // expected-warning {{function 'probe_early' references __init function 'early_probe' and is only used by init code: mark it __init [initcheck-init-only-helper]}} expected-note@#early {{'early_probe' declared __init here}} expected-note@#early_caller {{'probe_early' is called by __init function 'setup_initcalls' here}}
  // modules-warning@-1 {{function 'probe_early' references __init function 'early_probe' and is only used by init code: mark it __init [initcheck-init-only-helper]}} modules-note@#early {{'early_probe' declared __init here}} modules-note@#early_caller {{'probe_early' is called by __init function 'setup_initcalls' here}}
}
// FIX-NOT: fix-it

int __init_or_module do_one_initcall(initcall_t fn) {
  do_trace_initcall_start(fn); // #caller
  count_initcall(); // #count_caller
  return fn();
}
int __init setup_initcalls(void) {
  return probe_early(); // #early_caller
}

#ifdef __cplusplus
}
#endif
