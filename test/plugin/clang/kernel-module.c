// Modular builds (-DMODULE): module_init()/module_exit() define the aliases
// init_module/cleanup_module, the module's init and exit entries, plus
// never-emitted __inittest/__exittest type checks. The verdicts must match
// the built-in build's.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -DMODULE %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -DMODULE -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s

#include "kernel-init.h"

static char options[8] __initdata; // #options
static void __exit hw_off(void) {}  // #hw_off

// An unannotated init function: advice in strict mode, in both builds.
static int start(void) {
  return options[0]; // strict-warning {{function 'start' references __initdata variable 'options' and is only used by init code: mark it __init [initcheck-init-only-helper]}} strict-note@#options {{declared __initdata here}} compat-error {{function 'start' references __initdata variable 'options': .init.data is freed after boot [initcheck-section-mismatch]}} compat-note@#options {{declared __initdata here}}
}
module_init(start); // strict-note-re {{'start' is called by initcall entry '{{init_module|__initcall__kmod_test__[0-9]+_[0-9]+_start6}}' here}}

// The exit entry runs at unload: its helper may use exit code.
static void stop(void) { hw_off(); } // strict-warning {{function 'stop' references __exit function 'hw_off' and is only used by exit code: mark it __exit}} strict-note@#hw_off {{declared __exit here}} compat-error {{function 'stop' references __exit function 'hw_off'}} compat-note@#hw_off {{declared __exit here}}
module_exit(stop); // strict-note-re {{'stop' is called by exitcall entry '{{cleanup_module|__exitcall_stop}}' here}}

// Never emitted: nothing uses it, so no object file holds its reference.
static int unused(void) { return options[1]; }
