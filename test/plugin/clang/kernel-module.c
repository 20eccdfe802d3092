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

// An unannotated init function: advice in strict mode, in both builds (it
// runs only at init), a mismatch for modpost.
static int start(void) { // #start
  return options[0]; // compat-error {{function 'start' references __initdata variable 'options': .init.data is freed after boot [initcheck-section-mismatch]}} compat-note@#options {{declared __initdata here}}
}
module_init(start); // expected-warning {{initcall function 'start' is not __init: it stays in memory after it ran at boot [initcheck-initcall-not-init]}} expected-note@#start {{'start' defined here}}

// The exit entry runs at unload: it may use exit code.
static void stop(void) { hw_off(); } // #stop compat-error {{function 'stop' references __exit function 'hw_off'}} compat-note@#hw_off {{declared __exit here}}
module_exit(stop); // expected-warning {{exitcall function 'stop' is not __exit}} expected-note@#stop {{'stop' defined here}}

// Never emitted: nothing uses it, so no object file holds its reference.
static int unused(void) { return options[1]; }
