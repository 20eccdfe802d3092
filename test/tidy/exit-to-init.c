// initcheck-exit-to-init under clang-tidy: exit code that references init
// memory, which is long gone when a module is unloaded.
//
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-exit-to-init %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-exit-to-init %t -- -- -I %inputs -DMODULE
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-exit-to-init %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy %s initcheck-exit-to-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs

#include "kernel-init.h"

static int __init hw_setup(void) { return 0; }
static char __initdata cmdline[64];

static void __exit hw_exit(void) {
  hw_setup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: __exit function 'hw_exit' references __init function 'hw_setup': .init.text is freed before exit code runs [initcheck-exit-to-init]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: warning: __exit function 'hw_exit' references __init function 'hw_setup'
  // CHECK-NOTES-STRICT: :[[@LINE-7]]:19: note: 'hw_setup' declared __init here
  cmdline[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: __exit function 'hw_exit' references __initdata variable 'cmdline': .init.data is freed before exit code runs [initcheck-exit-to-init]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: warning: __exit function 'hw_exit' references __initdata variable 'cmdline'
  // CHECK-NOTES-STRICT: :[[@LINE-10]]:24: note: 'cmdline' declared __initdata here
}

// A helper shared by init and exit code runs at exit too.
static int shared(void) { return hw_setup(); }
// CHECK-MESSAGES-STRICT: :[[@LINE-1]]:34: warning: function 'shared' references __init function 'hw_setup': .init.text is freed before exit code runs [initcheck-exit-to-init]
// CHECK-NOTES-STRICT: :[[@LINE-2]]:34: warning: function 'shared'
// CHECK-NOTES-STRICT: :[[@LINE+7]]:36: note: 'shared' is called by __exit function 'my_exit' here
// CHECK-NOTES-STRICT: :[[@LINE-19]]:19: note: 'hw_setup' declared __init here

// Not mismatches: __ref vouches; init code may use init memory.
static void __ref careful(void) { hw_setup(); }
static void __exit fine_exit(void) { careful(); }
static int __init my_init(void) { return shared() + cmdline[1]; }
static void __exit my_exit(void) { shared(); hw_exit(); fine_exit(); }
module_init(my_init);
module_exit(my_exit);
