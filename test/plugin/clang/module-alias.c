// A module whose module_init()/module_exit() are the bare aliases of Linux
// before 6.1 (and of projects with their own macro): nothing but the alias
// names the init function, so everything it reaches is only reachable
// through `init_module`. All of it must be checked as in a built-in build.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++
// RUN: %clang -c -I %inputs %s -o %t.o
// RUN: %clang -c -I %inputs -x c++ %s -o %t.o

#define MODULE
#include "kernel-init.h"

#ifdef __cplusplus
#define NAME(c, cxx) cxx
#else
#define NAME(c, cxx) c
#endif
// Linux 6.0's include/linux/module.h, without the __inittest type check.
#define old_module_init(initfn, mangled)                                       \
  int init_module(void) __attribute__((alias(NAME(#initfn, mangled))))
#define old_module_exit(exitfn, mangled)                                       \
  void cleanup_module(void) __attribute__((alias(NAME(#exitfn, mangled))))

struct device;
struct driver {
  int (*probe)(struct device *);
};
int driver_register(struct driver *drv);

static int __init widget_probe(struct device *dev) { return 0; } // #probe
static void __exit widget_off(void) {}                            // #off

// The driver outlives init, and its probe is __init: registered from the
// module's init function, which only the alias names.
static struct driver widget_driver = {
    .probe = widget_probe, // expected-error {{variable 'widget_driver' references __init function 'widget_probe': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#probe {{declared __init here}} strict-note@#register {{the address of 'widget_driver' escapes here, in __init function 'widget_init', so it can be used after boot}}
};

static int __init widget_init(void) {
  widget_off(); // expected-error {{__init function 'widget_init' references __exit function 'widget_off': .exit.text is discarded when built in [initcheck-init-to-exit]}} expected-note@#off {{declared __exit here}}
  return driver_register(&widget_driver); // #register
}
old_module_init(widget_init, "_ZL11widget_initv");

// An unannotated exit function that only cleanup_module names: it runs at
// unload, when init memory is long gone.
int boot_count __initdata; // #count
static void widget_exit(void) { // #exit
  boot_count = 0; // strict-error {{function 'widget_exit' references __initdata variable 'boot_count': .init.data is freed before exit code runs [initcheck-exit-to-init]}} compat-error {{function 'widget_exit' references __initdata variable 'boot_count': .init.data is freed after boot [initcheck-section-mismatch]}} expected-note@#count {{declared __initdata here}} strict-note@#exit_entry {{'widget_exit' is called by exitcall entry 'cleanup_module' here}}
}
old_module_exit(widget_exit, "_ZL11widget_exitv"); // #exit_entry expected-warning {{exitcall function 'widget_exit' is not __exit: a built-in kernel never calls it, yet keeps it [initcheck-initcall-not-init]}} expected-note@#exit {{'widget_exit' defined here}}
