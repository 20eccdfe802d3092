// initcheck-annotation-mismatch: clang and GCC merge a section attribute
// across redeclarations, so a definition without annotation after an
// annotated prototype still lands in init memory, and two declarations
// with different sections disagree with what the object file gets.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s --fixes -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++

#include "kernel-init.h"

int __init setup_bus(void); // #setup_bus
// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:5-[[@LINE+1]]:5}:"__init "
int setup_bus(void) { return 0; } // expected-warning {{definition of 'setup_bus' has no annotation but a previous declaration makes it __init: repeat the annotation on the definition [initcheck-annotation-mismatch]}} expected-note@#setup_bus {{'setup_bus' declared __init here}}

extern int boot_flags __initdata; // #boot_flags
int boot_flags = 1; // expected-warning {{definition of 'boot_flags' has no annotation but a previous declaration makes it __initdata}} expected-note@#boot_flags {{declared __initdata here}}

int __init swapped(void); // #swapped_decl expected-warning {{declaration of 'swapped' is __init but its definition is __exit [initcheck-annotation-mismatch]}}
// Clang's own -Wsection warning comes with it.
int __exit swapped(void) { return 0; } // expected-warning {{section does not match previous declaration}} expected-note@#swapped_decl {{previous attribute is here}} expected-note {{definition of 'swapped' is here}}

// Any annotation the kernel has gets a fix-it that spells it.
int __ref guarded(void); // #guarded
// CHECK: fix-it:"{{.*}}":{[[@LINE+1]]:5-[[@LINE+1]]:5}:"__ref "
int guarded(void) { return 0; } // expected-warning {{definition of 'guarded' has no annotation but a previous declaration makes it __ref}} expected-note@#guarded {{'guarded' declared __ref here}}

// An alias has no section of its own (mm/hugetlb.c's weak alias).
int __init alloc_bootmem(int nid);
int alloc_bootmem(int nid) __attribute__((weak, alias("real_alloc_bootmem")));
int __init real_alloc_bootmem(int nid) { return nid; }

// Consistent declarations, and a plain forward declaration, are fine.
int __init both(void);
int __init both(void) { return setup_bus() + boot_flags; }
static int forward(void);
static int __init forward(void) { return both(); }
int __init user(void) { return forward(); }

#ifdef __cplusplus
// Members are annotated on their in-class declaration: the C++ idiom.
struct Bus { static int __init scan(); static int count __initdata; };
int Bus::scan() { return count; }
int Bus::count = 0;
#endif
