// initcheck-initcall-not-init under clang-tidy: an initcall function that is
// not __init (an exitcall one that is not __exit) stays in memory for
// nothing. Advice with a fix-it; -fix gives a file that compiles and is clean.
//
// RUN: %check_initcheck_tidy %s initcheck-initcall-not-init %t -- -- -I %inputs
// RUN: %check_initcheck_tidy %s initcheck-initcall-not-init %t -- -- -I %inputs -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-initcall-not-init %t -- -- -I %inputs

#include "kernel-init.h"

static int plain_init(void) { return 0; }
// CHECK-FIXES: static int __init plain_init(void) { return 0; }
core_initcall(plain_init);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: initcall function 'plain_init' is not __init: it stays in memory after it ran at boot [initcheck-initcall-not-init]
static void plain_exit(void) {}
// CHECK-FIXES: static void __exit plain_exit(void) {}
module_exit(plain_exit);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: exitcall function 'plain_exit' is not __exit: a built-in kernel never calls it, yet keeps it [initcheck-initcall-not-init]

// No advice where the function may run after boot: an external function,
// or one that resident code also calls; annotated and __ref ones are fine.
int extern_init(void) { return 0; }
late_initcall_sync(extern_init);
static int reserve_init(void) { return 0; }
subsys_initcall(reserve_init);
int hotplug_notifier(void) { return reserve_init(); }
static int __init good_init(void) { return 0; }
static int __ref ref_init(void) { return 0; }
subsys_initcall(good_init);
rootfs_initcall(ref_init);
