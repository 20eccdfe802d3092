// initcheck-export-init: an exported symbol can be used by any module
// loaded later, after init memory is gone. Linux >= 6.5 emits exports as
// an .export_symbol asm record; older kernels as a __ksymtab object.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// A kernel without CONFIG_MODULES: modpost does not check exports, so
// modpost-compat stays silent; strict mode still reports.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -D__KERNEL__ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=nomodules -D__KERNEL__ -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -D__KERNEL__ -DCONFIG_MODULES -plugin-arg-initcheck modpost-compat %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// nomodules-no-diagnostics

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

int __init early_setup(void) { return 0; } // #early_setup
void __exit late_teardown(void) {}          // #late_teardown
int __initdata boot_param = 1;              // #boot_param
int normal_api(void) { return 0; }

EXPORT_SYMBOL(early_setup); // expected-error {{EXPORT_SYMBOL of __init function 'early_setup': .init.text is freed after boot; remove __init or EXPORT_SYMBOL [initcheck-export-init]}} expected-note@#early_setup {{'early_setup' declared __init here}}
EXPORT_SYMBOL_GPL(late_teardown); // expected-error {{EXPORT_SYMBOL of __exit function 'late_teardown': .exit.text is discarded when built in; remove __exit or EXPORT_SYMBOL}} expected-note@#late_teardown {{declared __exit here}}
EXPORT_SYMBOL(boot_param); // expected-error {{EXPORT_SYMBOL of __initdata variable 'boot_param'}} expected-note@#boot_param {{declared __initdata here}}
EXPORT_SYMBOL(normal_api);

// The pre-6.5 form: a struct kernel_symbol in a __ksymtab section.
struct kernel_symbol { unsigned long value; const char *name; };
static const struct kernel_symbol __ksymtab_early_setup __used
    __section("___ksymtab+early_setup") = {
  (unsigned long)&early_setup, "early_setup" // expected-error {{EXPORT_SYMBOL of __init function 'early_setup'}} expected-note@#early_setup {{declared __init here}}
};

#ifdef __cplusplus
}
#endif
