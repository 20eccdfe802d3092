// initcheck-export-init under clang-tidy: EXPORT_SYMBOL of init or exit
// memory, which modules loaded later would use after it is gone.
//
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs
// RUN: %check_initcheck_tidy %s initcheck-export-init %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy %s initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs
// A kernel without CONFIG_MODULES: modpost does not check exports, and
// neither does modpost-compat.
// RUN: %check_initcheck_tidy -check-suffixes=NONE %s initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs -D__KERNEL__

#include "kernel-init.h"
#ifdef __cplusplus
extern "C" {
#endif

int __init early_setup(void) { return 0; }
void __exit late_teardown(void) {}
int __initdata boot_param = 1;
int normal_api(void) { return 0; }

EXPORT_SYMBOL(early_setup);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __init function 'early_setup': .init.text is freed after boot; remove __init or EXPORT_SYMBOL [initcheck-export-init]
EXPORT_SYMBOL_GPL(late_teardown);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __exit function 'late_teardown': .exit.text is discarded when built in; remove __exit or EXPORT_SYMBOL [initcheck-export-init]
EXPORT_SYMBOL(boot_param);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: EXPORT_SYMBOL of __initdata variable 'boot_param': .init.data is freed after boot; remove __initdata or EXPORT_SYMBOL [initcheck-export-init]
// Not a finding: a resident function.
EXPORT_SYMBOL(normal_api);

#ifdef __cplusplus
}
#endif
