// initcheck-const-initdata: a const object marked __initdata belongs in
// .init.rodata (__initconst); GCC rejects mixing const and writable objects
// in one section. (Clang does too when both kinds are in one file, so this
// file holds only const objects in .init.data.)
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.c && %initcheck_cc1 -I %inputs -fixit %t.c
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=fixed -DAFTER_FIX %t.c
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs
// fixed-no-diagnostics

#include "kernel-init.h"

// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:28-[[@LINE+1]]:38}:"__initconst"
static const char banner[] __initdata = "x"; // expected-warning {{const variable 'banner' is placed in .init.data: use __initconst (const and writable objects in one section are a section type conflict) [initcheck-const-initdata]}}
static const int limits[2] __initdata = {1, 2}; // expected-warning {{const variable 'limits' is placed in .init.data}}
// Raw attribute: advice, but no fix-it (no macro token to rename).
#ifndef AFTER_FIX
static const int raw __attribute__((section(".init.data"))) = 3; // expected-warning {{const variable 'raw' is placed in .init.data}}
// CHECK-NOT: fix-it:{{.*}}:{[[@LINE-1]]
int __init use_raw(void) { return raw; }
#endif

int __init use(void) { return banner[0] + limits[0]; }
