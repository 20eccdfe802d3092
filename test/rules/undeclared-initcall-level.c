// initcheck-undeclared-initcall-level: an initcall section of a level that
// is not declared (the kernel's levels, or initcall-levels=) is said once
// per file and section: its entries are in no order table and no initcall
// rule checks them. Declared, the level is an initcall level like the
// kernel's: the initcall rules judge it and the advice goes.
//
// RUN: %initcheck_cc1 -fsyntax-only -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -verify -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -verify=declared,declaredc -plugin-arg-initcheck initcall-levels=presmp,1 %s
// RUN: %initcheck_cc1 -fsyntax-only -verify=declared -plugin-arg-initcheck initcall-levels=presmp,1 -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does, with the kernel's levels and with the declared ones.
// RUN: %compare_fronts --temp=%t %s
// RUN: %compare_fronts --temp=%t %s --setting=initcall-levels=presmp,1 --tidy-config='{CheckOptions: {initcheck.InitcallLevels: "presmp,1"}}'

#define __init __attribute__((section(".init.text")))
typedef int (*initcall_t)(void);
#define xen_initcall(fn, lvl) \
  static const initcall_t __initcall_##fn __attribute__((used, section(".initcall" lvl ".init"))) = fn

static int __init kexec_init(void) { return 0; } // #kexec_init
static int __init percpu_init(void) { return 0; }
static int __init console_keys(void) { return 0; }
xen_initcall(kexec_init, "presmp"); // expected-warning {{initcall section '.initcallpresmp.init' is of level 'presmp', which is not declared: its entries are in no order table and no initcall rule checks them (the levels: the kernel's, console, early, 0, 0s ... 7, 7s; a project declares its own with initcall-levels=) [initcheck-undeclared-initcall-level]}} expected-note@#kexec_init {{'kexec_init', the function of entry '__initcall_kexec_init', declared here}}
// Once per section: the second entry is not reported again.
xen_initcall(percpu_init, "presmp");
// Level 1 is the kernel's and declared, both ways.
xen_initcall(console_keys, "1");

// Declared, the initcall rules judge the level: a function of the wrong
// type is an error there, and only there (undeclared, the one warning above
// is all that is said). C only: in C++ the cast is no constant, and the
// entry would not be const data like the others.
#ifndef __cplusplus
static void __init wrong_type(void) {} // #wrong_type
static const initcall_t __initcall_wrong __attribute__((used, section(".initcallpresmp.init"))) = (initcall_t)wrong_type; // declaredc-error {{initcall function 'wrong_type' has type 'void (void)', but the kernel calls initcalls as 'int (void)' [initcheck-initcall-type]}} declaredc-note@#wrong_type {{'wrong_type' defined here}}
#endif

// A level the declaration leaves out: the kernel's level 6 is not one of
// Xen's.
static int __init late_init(void) { return 0; } // #late_init
xen_initcall(late_init, "6"); // declared-warning {{initcall section '.initcall6.init' is of level '6', which is not declared: its entries are in no order table and no initcall rule checks them (the levels: initcall-levels=presmp,1) [initcheck-undeclared-initcall-level]}} declared-note@#late_init {{'late_init', the function of entry '__initcall_late_init', declared here}}

// A table section of no level shape is its own level, which no declaration
// can name.
static int __init odd_init(void) { return 0; } // #odd_init
static const initcall_t __odd __attribute__((used, section(".initcall_odd"))) = odd_init; // expected-warning {{initcall section '.initcall_odd' is of no initcall level: its entries}} expected-note@#odd_init {{'odd_init', the function of entry '__odd', declared here}} declared-warning {{initcall section '.initcall_odd' is of no initcall level}} declared-note@#odd_init {{declared here}}
