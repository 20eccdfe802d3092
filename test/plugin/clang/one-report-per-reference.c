// One reference, one report. A template argument is a constant that the
// instantiation uses: the relocation is in the instantiation (reported
// there, once), not in the caller that writes `call_it<setup>()`, nor in
// the specialization's written arguments. A macro that names the symbol
// twice (two asm operands, `TWICE(fn)`) is one reference at the place the
// user sees.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,cxx -x c++ %s
// RUN: %check_initcheck_tidy %s initcheck-section-mismatch %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,CXX %s initcheck-section-mismatch %t -- -- -I %inputs -x c++
//
// The callers of the instantiations hold no relocation to the __init code.
// RUN: %clangxx -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -x c++ -O0 -ffunction-sections -fdata-sections -c %s -o %t.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t.o | FileCheck %s --check-prefix=RELOC
// RELOC:     Relocation section '.rela.text._Z6callerv'
// RELOC-NOT: {{ _Z5setupv }}
// RELOC-NOT: {{ init_value }}
// RELOC:     Relocation section

#include "kernel-init.h"

int __init setup(void);   // expected-note 2 {{'setup' declared __init here}} cxx-note {{'setup' declared __init here}}
int __initdata init_value; // cxx-note {{'init_value' declared __initdata here}}

#define TWICE(fn) (fn() + fn())
int twice(void) {
  return TWICE(setup); // expected-error {{function 'twice' references __init function 'setup'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: function 'twice' references __init function 'setup'
}

#define PASS_TWICE(sym) asm volatile("" : : "r"(&sym), "r"(&sym))
void operands(void) {
  PASS_TWICE(setup); // expected-error {{function 'operands' references __init function 'setup'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: function 'operands' references __init function 'setup'
}

#ifdef __cplusplus
template <int (*F)(void)> int call_it() {
  return F(); // cxx-error {{function 'call_it<&setup>' references __init function 'setup'}}
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:10: warning: function 'call_it<&setup>' references __init function 'setup'
}
template <int *P> struct reader {
  static int read() {
    return *P; // cxx-error {{function 'reader<&init_value>::read' references __initdata variable 'init_value'}}
    // CHECK-MESSAGES-CXX: :[[@LINE-1]]:13: warning: function 'reader<&init_value>::read' references __initdata variable 'init_value'
  }
};
int caller() { return call_it<setup>() + reader<&init_value>::read(); }
#endif
