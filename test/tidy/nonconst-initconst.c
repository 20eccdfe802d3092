// initcheck-nonconst-initconst under clang-tidy: __initconst puts an object
// in .init.rodata, read-only on most architectures, so a writable object
// there is a bug or a missing const. The fix-it renames the annotation to
// __initdata; the fixed file compiles and is clean.
//
// RUN: %check_initcheck_tidy %s initcheck-nonconst-initconst %t -- -- -I %inputs
// RUN: %check_initcheck_tidy %s initcheck-nonconst-initconst %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-nonconst-initconst %t -- -- -I %inputs

#include "kernel-init.h"

static int defaults[] __initconst = {1, 2};
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: variable 'defaults' is not const but is placed in .init.rodata: make it const or use __initdata [initcheck-nonconst-initconst]
// CHECK-FIXES: static int defaults[] __initdata = {1, 2};
// A pointer to const is itself writable.
static const char *name __initconst = "n";
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: variable 'name' is not const but is placed in .init.rodata: make it const or use __initdata [initcheck-nonconst-initconst]
// CHECK-FIXES: static const char *name __initdata = "n";

// Fine: writable __initdata. (A const __initconst object cannot be in this
// file: clang rejects const and writable objects in one section.)
static int counters[2] __initdata;
int __init use(void) { return defaults[0] + name[0] + counters[0]; }
