// The references issue 13 found initcheck silent on, under clang-tidy: code
// only an alias names, a cleanup function, a label table, an inline asm
// call, a block; in C++ a vtable, a destructor at scope exit, a lambda kept
// after init and a default argument. Each is a relocation of the object.
//
// RUN: %check_initcheck_tidy %s initcheck-section-mismatch,initcheck-init-only-helper %t -- -- -I %inputs -fblocks --target=x86_64-linux-gnu
// RUN: %check_initcheck_tidy -check-suffixes=,CXX %s initcheck-section-mismatch,initcheck-init-only-helper %t -- -- -I %inputs -fblocks --target=x86_64-linux-gnu -x c++ -std=c++20

#include "kernel-init.h"

#ifdef __cplusplus
#define NAME(c, cxx) cxx
#define C_LINKAGE extern "C"
#else
#define NAME(c, cxx) c
#define C_LINKAGE
#endif

C_LINKAGE int boot_opt __initdata;
C_LINKAGE void __init early_fixup(void);
C_LINKAGE void __init put_ref(int *ref);

static int read_opt(void) { return boot_opt; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: function 'read_opt' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]
int get_opt(void) __attribute__((alias(NAME("read_opt", "_ZL8read_optv"))));

void late(void) {
  int ref __attribute__((cleanup(put_ref))) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: function 'late' references __init function 'put_ref': .init.text is freed after boot [initcheck-section-mismatch]
}

void fixup(void) {
  asm volatile("call early_fixup");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: function 'fixup' references __init function 'early_fixup': .init.text is freed after boot [initcheck-section-mismatch]
}

int __init run_ops(int n) {
  static const void *const ops[] = {&&one};
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: variable 'ops' references __init function 'run_ops' and is only used by init code: mark it __initconst [initcheck-init-only-helper]
  goto *ops[0];
one:
  return n;
}

int (^resume_block)(void);
static int __init install_block(void) {
  resume_block = ^{
    return boot_opt;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: function 'block in install_block' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]
  };
  return 0;
}
early_initcall(install_block);

#ifdef __cplusplus
struct Dev {
  virtual int probe();
  virtual int __init setup();
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:22: warning: variable 'vtable for Dev' references __init function 'Dev::setup': .init.text is freed after boot [initcheck-section-mismatch]
};
int Dev::probe() { return 0; }

struct Guard {
  __init ~Guard();
};
void scope_exit() {
  Guard g;
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:9: warning: function 'scope_exit' references __init function 'Guard::~Guard': .init.text is freed after boot [initcheck-section-mismatch]
}

int (*resume_hook)();
static int __init install_hook() {
  resume_hook = [] { return boot_opt; };
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:29: warning: function 'lambda in install_hook' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]
  return 0;
}
early_initcall(install_hook);

int tune(int x = boot_opt);
int tune_default() {
  return tune();
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:10: warning: function 'tune_default' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]
}
#endif
