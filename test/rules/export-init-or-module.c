// initcheck-export-init and __init_or_module (include/linux/module.h): the
// annotation is __init only in a kernel without CONFIG_MODULES, where no
// module can use the export, and empty with modules, where the function is
// resident. drivers/base/platform.c exports two such functions
// (__platform_driver_probe, __platform_create_bundle); neither
// configuration is a mismatch. A plain __init export still is.
//
// Without modules: strict mode reports only the plain __init export;
// modpost-compat nothing (modpost runs without -M and checks no export).
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict -D__KERNEL__ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict -D__KERNEL__ -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=none -D__KERNEL__ -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=none -D__KERNEL__ -plugin-arg-initcheck modpost-compat -x c++ %s
// With modules: __init_or_module is empty; both modes report the plain one.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict -D__KERNEL__ -DCONFIG_MODULES %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict -D__KERNEL__ -DCONFIG_MODULES -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict -D__KERNEL__ -DCONFIG_MODULES -plugin-arg-initcheck modpost-compat %s
// Not a kernel build (no __KERNEL__): nothing proves that no module can
// use the export, so __init_or_module, which is __init here, is reported.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict,user %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=strict,user -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does, in each configuration, C and C++, strict and modpost-compat.
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -D__KERNEL__
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -D__KERNEL__ -x c++
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES -x c++
// RUN: %compare_fronts --temp=%t %s --setting=modpost-compat \
// RUN:   --tidy-config='{CheckOptions: {initcheck.ModpostCompat: true}}' -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES
// RUN: %compare_fronts --temp=%t %s --none --setting=modpost-compat \
// RUN:   --tidy-config='{CheckOptions: {initcheck.ModpostCompat: true}}' -- -I %inputs -D__KERNEL__
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++
// none-no-diagnostics

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

struct platform_device { int id; };
// A project macro around it: the spelling counts at any depth.
#define __my_probe_init __init_or_module

int __init_or_module platform_probe(void) { return 0; } // #probe
struct platform_device *__init_or_module create_bundle(void) { return 0; } // #bundle
int __initdata_or_module probe_count = 1; // #count
const int __initconst_or_module probe_limit = 4; // #limit
int __my_probe_init wrapped_probe(void) { return 0; } // #wrapped
int __init early_setup(void) { return 0; } // #early

EXPORT_SYMBOL(platform_probe); // user-error {{EXPORT_SYMBOL of __init function 'platform_probe'}} user-note@#probe {{declared __init here}}
EXPORT_SYMBOL_GPL(create_bundle); // user-error {{EXPORT_SYMBOL of __init function 'create_bundle'}} user-note@#bundle {{declared __init here}}
EXPORT_SYMBOL(probe_count); // user-error {{EXPORT_SYMBOL of __initdata variable 'probe_count'}} user-note@#count {{declared __initdata here}}
EXPORT_SYMBOL(probe_limit); // user-error {{EXPORT_SYMBOL of __initconst variable 'probe_limit'}} user-note@#limit {{declared __initconst here}}
EXPORT_SYMBOL(wrapped_probe); // user-error {{EXPORT_SYMBOL of __init function 'wrapped_probe'}} user-note@#wrapped {{declared __init here}}
EXPORT_SYMBOL(early_setup); // strict-error {{EXPORT_SYMBOL of __init function 'early_setup': .init.text is freed after boot; remove __init or EXPORT_SYMBOL [initcheck-export-init]}} strict-note@#early {{'early_setup' declared __init here}}

#ifdef __cplusplus
}
#endif
