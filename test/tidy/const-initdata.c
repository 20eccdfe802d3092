// initcheck-const-initdata under clang-tidy: a const object marked
// __initdata belongs in .init.rodata (__initconst). The fix-it renames the
// annotation; the fixed file compiles and is clean. (Only const objects are
// in .init.data here: clang rejects const and writable objects in one
// section.)
//
// RUN: %check_initcheck_tidy -check-suffixes=,RAW %s initcheck-const-initdata %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,RAW %s initcheck-const-initdata %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-const-initdata %t -- -- -I %inputs -DAFTER_FIX

#include "kernel-init.h"

static const char banner[] __initdata = "x";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: const variable 'banner' is placed in .init.data: use __initconst (const and writable objects in one section are a section type conflict) [initcheck-const-initdata]
// CHECK-FIXES: static const char banner[] __initconst = "x";
static const int limits[2] __initdata = {1, 2};
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: const variable 'limits' is placed in .init.data: use __initconst (const and writable objects in one section are a section type conflict) [initcheck-const-initdata]
// CHECK-FIXES: static const int limits[2] __initconst = {1, 2};
// A raw attribute: advice, but no fix-it (no macro token to rename), so the
// -fix run leaves it out.
#ifndef AFTER_FIX
static const int raw __attribute__((section(".init.data"))) = 3;
// CHECK-MESSAGES-RAW: :[[@LINE-1]]:18: warning: const variable 'raw' is placed in .init.data: use __initconst (const and writable objects in one section are a section type conflict) [initcheck-const-initdata]
int __init use_raw(void) { return raw; }
#endif

// Fine: const in __initconst; a pointer to const is itself writable.
static const int table[] __initconst = {3, 4};
int __init use(void) { return banner[0] + limits[0] + table[0]; }
