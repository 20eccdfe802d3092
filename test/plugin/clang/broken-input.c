// Broken and unusual input never crashes the plugin: K&R C, incomplete
// types, implicit declarations, syntax errors and invalid declarations get
// clang's own diagnostics and no initcheck noise.
//
// RUN: %initcheck_cc1 -fsyntax-only -std=gnu89 -Wno-everything -verify=kr %S/Inputs/kr.c
// RUN: %initcheck_cc1 -fsyntax-only -verify %s
// And through the driver with the compile's own errors.
// RUN: not %clang -fplugin=%initcheck_plugin -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK-NOT: initcheck
// CHECK-NOT: PLEASE submit a bug report

#define __init __attribute__((section(".init.text")))
struct incomplete;
int __init setup(struct incomplete *p) { return p != 0; }
int bad_member(struct incomplete *p) { return p->field + setup(p); } // expected-error {{incomplete definition of type 'struct incomplete'}} expected-note@-2 {{forward declaration}}
int undeclared_use(void) { return nothing_here(); } // expected-error {{undeclared}}
int __init broken_init( { return 0; } // expected-error {{expected parameter declarator}} expected-error {{expected ')'}} expected-note {{to match this '('}}
int __attribute__((section(".init.text"))) twice(void);
