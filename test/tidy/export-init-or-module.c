// initcheck-export-init under clang-tidy: an export of an __init_or_module
// function or object is right with and without CONFIG_MODULES (it is
// __init only when no module can use the export); a plain __init export is
// still reported. Outside a kernel build nothing proves it, so it is too.
//
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs -D__KERNEL__
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs -D__KERNEL__ -x c++
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES -x c++
// RUN: %check_initcheck_tidy %s initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs -D__KERNEL__ -DCONFIG_MODULES
// Without modules modpost checks no export, and neither does modpost-compat.
// RUN: %check_initcheck_tidy -check-suffixes=NONE %s initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs -D__KERNEL__
// RUN: %check_initcheck_tidy -check-suffixes=,USER %s initcheck-export-init %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,USER %s initcheck-export-init %t -- -- -I %inputs -x c++

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

struct platform_device { int id; };
int __init_or_module platform_probe(void) { return 0; }
struct platform_device *__init_or_module create_bundle(void) { return 0; }
int __initdata_or_module probe_count = 1;
int __init early_setup(void) { return 0; }

EXPORT_SYMBOL(platform_probe);
// CHECK-MESSAGES-USER: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __init function 'platform_probe': .init.text is freed after boot; remove __init or EXPORT_SYMBOL [initcheck-export-init]
EXPORT_SYMBOL_GPL(create_bundle);
// CHECK-MESSAGES-USER: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __init function 'create_bundle'
EXPORT_SYMBOL(probe_count);
// CHECK-MESSAGES-USER: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __initdata variable 'probe_count'
EXPORT_SYMBOL(early_setup);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __init function 'early_setup': .init.text is freed after boot; remove __init or EXPORT_SYMBOL [initcheck-export-init]

#ifdef __cplusplus
}
#endif
