// initcheck-nonconst-initconst: __initconst puts an object in .init.rodata,
// which is read-only on most architectures; a writable object there is a
// bug or a missing const.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs

#include "kernel-init.h"

// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:23-[[@LINE+1]]:34}:"__initdata"
static int defaults[] __initconst = {1, 2}; // expected-warning {{variable 'defaults' is not const but is placed in .init.rodata: make it const or use __initdata [initcheck-nonconst-initconst]}}
// A pointer to const is itself writable.
static const char *name __initconst = "n"; // expected-warning {{variable 'name' is not const but is placed in .init.rodata}}

int __init use(void) { return defaults[0] + name[0]; }
