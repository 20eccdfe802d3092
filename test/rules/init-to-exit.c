// initcheck-init-to-exit: init code (functions, init data, initcall
// entries, and helpers only init code uses) that references exit code or
// data, which a built-in kernel discards. Clang inlines a small static
// __exit callee into its __init caller, so modpost misses most of these.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict,module -DMODULE %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs

#include "kernel-init.h"

static void __exit hw_shutdown(void) {} // #hw_shutdown
static int __exitdata exit_state;        // #exit_state
static int __init hw_probe(void) { return 0; }

static int __init unwind_on_error(void) {
  if (hw_probe())
    hw_shutdown(); // expected-error {{__init function 'unwind_on_error' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-init-to-exit]}} expected-note@#hw_shutdown {{'hw_shutdown' declared __exit here}}
  return exit_state; // expected-error {{__init function 'unwind_on_error' references __exitdata variable 'exit_state'}} expected-note@#exit_state {{'exit_state' declared __exitdata here}}
}

// Init data that points to exit code.
struct hooks { void (*undo)(void); };
static struct hooks boot_hooks __initdata = {
  .undo = hw_shutdown, // expected-error {{__initdata variable 'boot_hooks' references __exit function 'hw_shutdown'}} expected-note@#hw_shutdown {{declared __exit here}}
};

// A static helper used only by init code runs during init: its exit
// references are init-to-exit too, with the caller in a note.
static void cleanup_helper(void) {
  hw_shutdown(); // strict-error {{function 'cleanup_helper' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-init-to-exit]}} strict-note@#hw_shutdown {{declared __exit here}} compat-error {{function 'cleanup_helper' references __exit function 'hw_shutdown': .exit.text is discarded when built in [initcheck-section-mismatch]}} compat-note@#hw_shutdown {{declared __exit here}}
}
static int __init uses_helper(void) {
  cleanup_helper(); // strict-note {{'cleanup_helper' is called by __init function 'uses_helper' here}}
  return boot_hooks.undo != 0;
}

// An initcall entry is init context: registering an __exit function as an
// initcall is a mismatch in both encodings (in modpost-compat mode modpost
// does not scan .initcall* sections, so it is silent).
static int __exit wrong_level(void) { return 0; } // #wrong_level
device_initcall(wrong_level); // strict-error-re {{initcall entry '__initcall__kmod_test__{{[0-9]+}}_{{[0-9]+}}_wrong_level6' references __exit function 'wrong_level'}} strict-note@#wrong_level {{declared __exit here}}

// Not mismatches: __exit_p() is NULL when built in, __ref vouches, and
// the exit table itself is exit context. In a module __exit_p(x) is x, and
// init data pointing to exit code is the section mismatch modpost reports
// for the module too (rules follow sections, as modpost's do).
static int __ref maybe_undo(void) { hw_shutdown(); return 0; }
struct hooks __initdata built_in_hooks = { .undo = __exit_p(hw_shutdown) }; // module-error {{__initdata variable 'built_in_hooks' references __exit function 'hw_shutdown'}} module-note@#hw_shutdown {{declared __exit here}}
static int __init my_init(void) { return unwind_on_error() + uses_helper() + maybe_undo(); }
module_init(my_init);
module_exit(hw_shutdown);
