// Code and data reached only through an alias or an ifunc: the alias is
// emitted, so its target is, and the target's references are relocations in
// the object (`llvm-readelf -r` shows .text -> .init.data here at -O0 and
// -O2). Each target is judged as code that runs whenever the alias is used.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++
//
// The shapes compile as they are (an alias of an undefined name would not).
// RUN: %clang -c -I %inputs %s -o %t.o
// RUN: %clang -c -I %inputs -x c++ %s -o %t.o

#include "kernel-init.h"

// C++ names an alias target by its mangled name.
#ifdef __cplusplus
#define NAME(c, cxx) cxx
#else
#define NAME(c, cxx) c
#endif

// External, so that -O2 folds none of the references away.
int boot_opt __initdata = 1;     // #boot_opt
int __init early_setup(void);    // #early_setup
int boot_table[4] __initdata;    // #boot_table

// A static function whose only user is an alias.
static int read_opt(void) { return boot_opt; } // expected-error {{function 'read_opt' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]}} expected-note@#boot_opt {{declared __initdata here}}
int get_opt(void) __attribute__((alias(NAME("read_opt", "_ZL8read_optv"))));

// An alias of an alias of a static function.
static int call_setup(void) { return early_setup(); } // expected-error {{function 'call_setup' references __init function 'early_setup': .init.text is freed after boot}} expected-note@#early_setup {{declared __init here}}
int setup_alias(void) __attribute__((alias(NAME("call_setup", "_ZL10call_setupv"))));
int setup_alias2(void) __attribute__((alias(NAME("setup_alias", "_Z11setup_aliasv"))));

// An alias of static data: the pointer's initializer is a relocation into
// .init.data that stays in .data.
static int *boot_ptr = boot_table; // expected-error {{variable 'boot_ptr' references __initdata variable 'boot_table': .init.data is freed after boot}} expected-note@#boot_table {{declared __initdata here}}
extern int *exported_ptr __attribute__((alias(NAME("boot_ptr", "_ZL8boot_ptr"))));

// An ifunc's resolver runs in the loader whenever the program starts; its
// symbol is in the resolver's section, which here is resident.
typedef int (*impl_t)(void);
static impl_t pick_impl(void) { return early_setup; } // expected-error {{function 'pick_impl' references __init function 'early_setup'}} expected-note@#early_setup {{declared __init here}}
int dispatch(void) __attribute__((ifunc(NAME("pick_impl", "_ZL9pick_implv"))));

// Not a mismatch in strict mode: an alias of an __init function is init
// code, and what its target calls runs at init only (advice for the helper).
// modpost-compat, like modpost, reports the helper's out-of-line reference.
static int helper(void) { return boot_table[0]; } // #helper compat-error {{function 'helper' references __initdata variable 'boot_table'}} strict-warning {{function 'helper' references __initdata variable 'boot_table' and is only used by init code: mark it __init [initcheck-init-only-helper]}} expected-note@#boot_table {{declared __initdata here}}
static int __init real_init(void) { return helper(); } // strict-note {{'helper' is called by __init function 'real_init' here}}
int init_alias(void) __attribute__((alias(NAME("real_init", "_ZL9real_initv"))));

// A weakref is another name for its target in this file: calling it calls
// the __init function (the object's relocation names early_setup).
static int boot_setup(void) __attribute__((weakref(NAME("early_setup", "_Z11early_setupv")))); // #boot_setup
int call_weakref(void) {
  return boot_setup(); // expected-error {{function 'call_weakref' references __init function 'boot_setup': .init.text is freed after boot}} expected-note@#early_setup {{declared __init here}}
}
