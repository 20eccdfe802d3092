// Code outside C functions: a block literal's body (-fblocks) is a function
// of its own in .text, reached through the block object, so one created in
// __init code runs whenever its holder calls it; an Objective-C method body
// is .text that message dispatch can run at any time. Both hold resident
// relocations to init memory at -O0 and -O2.
//
// RUN: %initcheck_cc1 -fsyntax-only -fblocks -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -fblocks -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -fblocks -I %inputs -verify=expected,strict -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -fblocks -I %inputs -verify=expected,strict,objc -x objective-c %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -fblocks
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -fblocks -x objective-c
// RUN: %clang -c -fblocks -I %inputs -x objective-c %s -o %t.o

#include "kernel-init.h"

int boot_opt __initdata;   // #boot_opt
int __init setup_hw(void); // #setup_hw

int (^resume_block)(void);

static int __init install(void) {
  resume_block = ^{ // strict-note {{the address of 'block in install' escapes here, in __init function 'install', so it can be used after boot}}
    return boot_opt; // expected-error {{function 'block in install' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]}} expected-note@#boot_opt {{declared __initdata here}}
  };
  return 0;
}
early_initcall(install);

// A block in resident code is resident code too.
int run_now(void) {
  int (^b)(void) = ^{ return setup_hw(); }; // expected-error {{function 'block in run_now' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}} strict-note {{the address of 'block in run_now' escapes here, in function 'run_now'}}
  return b();
}

// Not mismatches: a block that names no init memory, in a function nobody
// uses.
static int unused(void) {
  return ^{ return boot_opt; }();
}

#ifdef __OBJC__
__attribute__((objc_root_class))
@interface Probe
- (int)resume;
+ (int)boot;
@end

@implementation Probe
- (int)resume {
  return boot_opt + setup_hw(); // objc-error {{function '-[Probe resume]' references __initdata variable 'boot_opt'}} objc-note@#boot_opt {{declared __initdata here}} objc-error {{function '-[Probe resume]' references __init function 'setup_hw'}} objc-note@#setup_hw {{declared __init here}}
}
+ (int)boot {
  return 0;
}
@end
#endif
