// initcheck-exit-to-init: exit code that references init memory. Exit
// runs at module unload, long after init memory was freed.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -DMODULE %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs

#include "kernel-init.h"

static int __init hw_setup(void) { return 0; } // #hw_setup
static char __initdata cmdline[64];            // #cmdline

static void __exit hw_exit(void) {
  hw_setup();  // expected-error {{__exit function 'hw_exit' references __init function 'hw_setup': .init.text is freed before exit code runs [initcheck-exit-to-init]}} expected-note@#hw_setup {{'hw_setup' declared __init here}}
  cmdline[0] = 0; // expected-error {{__exit function 'hw_exit' references __initdata variable 'cmdline'}} expected-note@#cmdline {{'cmdline' declared __initdata here}}
}

// (Used below: a static object nothing uses is never emitted, so it holds
// no reference at all.)
static void (*undo_list[])(void) __exitdata = {
  (void (*)(void))hw_setup, // expected-error {{__exitdata variable 'undo_list' references __init function 'hw_setup'}} expected-note@#hw_setup {{declared __init here}}
};

// A helper used only by exit code runs at exit.
static void report(void) {
  cmdline[1] = 0; // strict-error {{function 'report' references __initdata variable 'cmdline': .init.data is freed before exit code runs [initcheck-exit-to-init]}} strict-note@#cmdline {{declared __initdata here}} compat-error {{function 'report' references __initdata variable 'cmdline': .init.data is freed after boot [initcheck-section-mismatch]}} compat-note@#cmdline {{declared __initdata here}}
}
static void __exit other_exit(void) { report(); } // strict-note {{'report' is called by __exit function 'other_exit' here}}

// A helper shared by init and exit code runs at exit too.
static int shared(void) {
  return hw_setup(); // strict-error {{function 'shared' references __init function 'hw_setup': .init.text is freed before exit code runs [initcheck-exit-to-init]}} strict-note@#hw_setup {{declared __init here}} compat-error {{function 'shared' references __init function 'hw_setup': .init.text is freed after boot [initcheck-section-mismatch]}} compat-note@#hw_setup {{declared __init here}}
}
static int __init my_init(void) { return shared(); }
static void __exit my_exit(void) { shared(); hw_exit(); other_exit(); undo_list[0](); } // strict-note {{'shared' is called by __exit function 'my_exit' here}}

// An exitcall entry that names an init function (strict only: modpost does
// not scan .exitcall.exit).
#ifndef MODULE
static void __init wrong_exit(void) {} // #wrong_exit
module_exit(wrong_exit); // strict-error {{exitcall entry '__exitcall_wrong_exit' references __init function 'wrong_exit'}} strict-note@#wrong_exit {{declared __init here}}
#endif

// Not mismatches: init code may use init; __ref vouches.
static void __ref careful(void) { hw_setup(); }
static void __exit fine_exit(void) { careful(); }
module_init(my_init);
module_exit(my_exit);
