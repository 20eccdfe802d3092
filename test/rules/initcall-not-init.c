// initcheck-initcall-not-init: an initcall function that is not __init (an
// exitcall one that is not __exit) stays in memory after it ran, for nothing.
// Advice, with a fix-it; both kernel encodings, every level, and a project's
// own wrapper around the initcall sections.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.c && %initcheck_cc1 -I %inputs -fixit %t.c
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=fixed %t.c
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs
// fixed-no-diagnostics

#include "kernel-init.h"

// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int plain_init(void) { return 0; } // #plain_init
core_initcall(plain_init); // expected-warning {{initcall function 'plain_init' is not __init: it stays in memory after it ran at boot [initcheck-initcall-not-init]}} expected-note@#plain_init {{'plain_init' defined here}}
// Referencing init memory, the function holds the very reference modpost
// reports (.text -> .init.text): the advice points at it, inside.
static int __init setup_step(void) { return 0; } // #setup_step
// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:12-[[@LINE+1]]:12}:"__init "
static int stepped_init(void) {
  return setup_step(); // expected-warning {{initcall function 'stepped_init' references __init function 'setup_step' but is not __init: mark it __init [initcheck-initcall-not-init]}} expected-note@#setup_step {{'setup_step' declared __init here}} expected-note@#stepped_entry {{'stepped_init' is registered as an initcall here}}
}
device_initcall(stepped_init); // #stepped_entry
// No advice where the function may run after boot: an external function
// (other files may call it), or one resident code also calls (mm/mmap.c's
// init_user_reserve() also runs from a memory-hotplug notifier).
int extern_init(void) { return 0; }
late_initcall_sync(extern_init);
static int reserve_init(void) { return 0; }
subsys_initcall(reserve_init);
int hotplug_notifier(void) { return reserve_init(); }
static int con_init(void) { return 0; } // #con_init
console_initcall(con_init); // expected-warning {{initcall function 'con_init' is not __init}} expected-note@#con_init {{defined here}}
// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:13-[[@LINE+1]]:13}:"__exit "
static void plain_exit(void) {} // #plain_exit
module_exit(plain_exit); // expected-warning {{exitcall function 'plain_exit' is not __exit: a built-in kernel never calls it, yet keeps it}} expected-note@#plain_exit {{defined here}}

// A project's own wrapper: recognised by the section it writes.
#define fw_initcall(fn) \
  static int (*__fw_##fn)(void) __attribute__((used, section(".initcall4.init"))) = fn
static int fw_probe(void) { return 0; } // #fw_probe
fw_initcall(fw_probe); // expected-warning {{initcall function 'fw_probe' is not __init}} expected-note@#fw_probe {{defined here}}

// Fine: annotated functions; __ref initcalls are deliberate.
static int __init good_init(void) { return 0; }
static void __exit good_exit(void) {}
static int __ref ref_init(void) { return 0; }
subsys_initcall(good_init);
rootfs_initcall(ref_init);
module_exit(good_exit);
