// `&&label` (GNU computed goto) is an address inside the function that
// holds the label, and a static table of them is data clang places in
// .data (or .rodata/.data.rel.ro when const), never in the function's
// section: in an __init function the table is resident data pointing into
// .init.text (R_X86_64_64 .init.text+N at -O0; the const table also at
// -O2). Only the __init function reads it, so strict mode advises marking
// it; modpost-compat reports the .data table, as modpost does.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++
// RUN: %clang -c -I %inputs %s -o %t.o

#include "kernel-init.h"

int __init run_ops(int n) { // #run_ops
  static void *ops[] = {&&op_a, &&op_b}; // strict-warning {{variable 'ops' references __init function 'run_ops' and is only used by init code: mark it __initdata [initcheck-init-only-helper]}} compat-error 2 {{variable 'ops' references __init function 'run_ops': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#run_ops 1+ {{declared __init here}}
  static const void *const cops[] = {&&op_a, &&op_b}; // strict-warning {{variable 'cops' references __init function 'run_ops' and is only used by init code: mark it __initconst [initcheck-init-only-helper]}}
  int i = 0, r = 0;
  goto *ops[n & 1]; // strict-note {{'ops' is used by __init function 'run_ops' here}}
op_a:
  r += 1;
  if (++i < n)
    goto *cops[i & 1]; // strict-note {{'cops' is used by __init function 'run_ops' here}}
  return r;
op_b:
  r += 2;
  if (++i < n)
    goto *ops[i & 1];
  return r;
}

// Not mismatches: a resident function's own table, and an __initdata table.
int dispatch(int n) {
  static const void *const table[] = {&&one, &&two};
  goto *table[n & 1];
one:
  return 1;
two:
  return 2;
}
int __init run_marked(int n) {
  static const void *const table[] __initconst = {&&one};
  goto *table[0];
one:
  return n;
}
