// initcheck-annotation-mismatch under clang-tidy: a definition without the
// annotation of an earlier declaration (clang merges them, so it still
// lands in init memory, unlike what the definition says), and declarations
// that disagree. The fix-its repeat the annotation; the fixed file compiles
// and is clean.
//
// RUN: %check_initcheck_tidy -check-suffixes=,SWAPPED %s initcheck-annotation-mismatch %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,SWAPPED %s initcheck-annotation-mismatch %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-annotation-mismatch %t -- -- -I %inputs -DAFTER_FIX
// RUN: %check_initcheck_tidy -fix -clean-after-fix %s initcheck-annotation-mismatch %t -- -- -I %inputs -DAFTER_FIX -x c++

#include "kernel-init.h"

int __init setup_bus(void);
int setup_bus(void) { return 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: definition of 'setup_bus' has no annotation but a previous declaration makes it __init: repeat the annotation on the definition [initcheck-annotation-mismatch]
// CHECK-NOTES: :[[@LINE-2]]:5: warning: definition of 'setup_bus'
// CHECK-NOTES: :[[@LINE-4]]:12: note: 'setup_bus' declared __init here
// CHECK-FIXES: int __init setup_bus(void) { return 0; }
extern int boot_flags __initdata;
int boot_flags = 1;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: definition of 'boot_flags' has no annotation but a previous declaration makes it __initdata: repeat the annotation on the definition [initcheck-annotation-mismatch]
// CHECK-NOTES: :[[@LINE-2]]:5: warning: definition of 'boot_flags'
// CHECK-NOTES: :[[@LINE-4]]:12: note: 'boot_flags' declared __initdata here
// CHECK-FIXES: int boot_flags __initdata = 1;
int __ref guarded(void);
int guarded(void) { return 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: definition of 'guarded' has no annotation but a previous declaration makes it __ref: repeat the annotation on the definition [initcheck-annotation-mismatch]
// CHECK-NOTES: :[[@LINE-2]]:5: warning: definition of 'guarded'
// CHECK-NOTES: :[[@LINE-4]]:11: note: 'guarded' declared __ref here
// CHECK-FIXES: int __ref guarded(void) { return 0; }

// Two sections: no fix-it (which one is meant?), so the -fix runs leave it out.
#ifndef AFTER_FIX
int __init swapped(void);
// CHECK-MESSAGES-SWAPPED: :[[@LINE-1]]:12: warning: declaration of 'swapped' is __init but its definition is __exit [initcheck-annotation-mismatch]
// CHECK-NOTES-SWAPPED: :[[@LINE-2]]:12: warning: declaration of 'swapped'
// CHECK-NOTES-SWAPPED: :[[@LINE+1]]:12: note: definition of 'swapped' is here
int __exit swapped(void) { return 0; }
#endif

// Consistent declarations and a plain forward declaration are fine.
int __init both(void);
int __init both(void) { return setup_bus() + boot_flags; }
static int forward(void);
static int __init forward(void) { return both(); }
int __init user(void) { return forward() + guarded(); }

#ifdef __cplusplus
// Members are annotated on their in-class declaration: the C++ idiom.
struct Bus { static int __init scan(); static int count __initdata; };
int Bus::scan() { return count; }
int Bus::count = 0;
#endif
