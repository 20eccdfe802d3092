// initcheck-init-to-exit under clang-tidy: init code that references exit
// code or data, which a built-in kernel discards.
//
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-init-to-exit %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-init-to-exit %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy %s initcheck-init-to-exit %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs

#include "kernel-init.h"

static void __exit hw_shutdown(void) {}
static int __exitdata exit_state;
static int __init hw_probe(void) { return 0; }

static int __init unwind_on_error(void) {
  if (hw_probe())
    hw_shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: __init function 'unwind_on_error' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-init-to-exit]
  return exit_state;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: __init function 'unwind_on_error' references __exitdata variable 'exit_state': .exit.data is discarded when built in [initcheck-init-to-exit]
}

// Init data that points to exit code.
struct hooks { void (*undo)(void); };
static struct hooks boot_hooks __initdata = { .undo = hw_shutdown };
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: __initdata variable 'boot_hooks' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-init-to-exit]

// A helper only init code uses runs during init (strict mode: modpost-compat
// has no call graph and calls this a section mismatch, another check).
static void cleanup_helper(void) { hw_shutdown(); }
// CHECK-MESSAGES-STRICT: :[[@LINE-1]]:36: warning: function 'cleanup_helper' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-init-to-exit]

// Not mismatches: __exit_p() is NULL when built in, __ref vouches, and exit
// code may use exit code.
static int __ref maybe_undo(void) { hw_shutdown(); return 0; }
static struct hooks built_in_hooks __initdata = { .undo = __exit_p(hw_shutdown) };
static void __exit other_exit(void) { hw_shutdown(); exit_state = 0; }

static int __init my_init(void) {
  cleanup_helper();
  return unwind_on_error() + maybe_undo() + (boot_hooks.undo != 0) +
         (built_in_hooks.undo != 0);
}
module_init(my_init);
module_exit(other_exit);
