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

// An unannotated init function: advice in both builds (it runs only at
// init), at the reference that modpost-compat, like modpost, also reports.
static int start(void) { // #start
  return options[0]; // compat-error {{function 'start' references __initdata variable 'options': .init.data is freed after boot [initcheck-section-mismatch]}} expected-warning {{initcall function 'start' references __initdata variable 'options' but is not __init: mark it __init [initcheck-initcall-not-init]}} expected-note@#options 1+ {{declared __initdata here}} expected-note@#start_entry {{'start' is registered as an initcall here}}
}
module_init(start); // #start_entry

// The exit entry runs at unload: it may use exit code.
static void stop(void) { hw_off(); } // #stop compat-error {{function 'stop' references __exit function 'hw_off'}} expected-warning {{exitcall function 'stop' references __exit function 'hw_off' but is not __exit: mark it __exit}} expected-note@#hw_off 1+ {{declared __exit here}} expected-note@#stop_entry {{'stop' is registered as an exitcall here}}
module_exit(stop); // #stop_entry

// Never emitted: nothing uses it, so no object file holds its reference.
static int unused(void) { return options[1]; }
