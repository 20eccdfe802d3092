// A branch the compiler folds away is not in the object file and references
// nothing: `if (IS_ENABLED(CONFIG_X) && ...)` with X off is how the kernel
// writes configuration-dependent code (drivers/firmware/efi/efi.c,
// efi_mem_reserve_iomem). The same test as clang's CodeGen: a side-effect
// free integer constant, and no label in the dropped code. What stays is
// still checked.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ -Wno-constant-logical-operand %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
//
// The object agrees at -O0: the dropped references are not there, the kept
// ones are (the plugin in warn-only mode, so the object gets written).
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O0 -c %s -o %t.o 2>/dev/null
// RUN: llvm-nm-19 %t.o | FileCheck --check-prefix=NM %s
// NM-NOT: dropped_
// NM-DAG: U kept_call
// NM-DAG: U kept_else
// NM-DAG: U kept_rhs
// NM-DAG: U kept_label
// NM-DAG: U kept_arm
// NM-DAG: U kept_side_effect
// NM-NOT: dropped_

#include "kernel-init.h"

#define IS_ENABLED(option) 0
#define CONFIG_ON 1

int __init dropped_if(void);
int __init dropped_and(void);
int __init dropped_or(void);
int __init dropped_arm(void);
int __init dropped_else(void);
int __init kept_call(void);            // expected-note {{declared __init here}}
int __init kept_else(void);            // expected-note {{declared __init here}}
int __init kept_rhs(void);             // expected-note {{declared __init here}}
int __init kept_label(void);           // expected-note {{declared __init here}}
int __init kept_arm(void);             // expected-note {{declared __init here}}
int __init kept_side_effect(void);     // expected-note {{declared __init here}}
int resident_state;
int next_state(void);

int config_off(int ret) {
  if (IS_ENABLED(CONFIG_ARCH_KEEP_MEMBLOCK) && !ret)
    dropped_and();
  if (IS_ENABLED(CONFIG_ARCH_KEEP_MEMBLOCK))
    dropped_if();
  else
    kept_else(); // expected-error {{references __init function 'kept_else'}}
  return ret;
}

int config_on(int ret) {
  if (CONFIG_ON || ret)
    ret = 1;
  else
    dropped_else();
  if (CONFIG_ON && ret)
    kept_call(); // expected-error {{references __init function 'kept_call'}}
  return CONFIG_ON ? ret : dropped_arm();
}

int short_circuit(int ret) {
  ret = 0 && dropped_and();
  ret = 1 || dropped_or();
  ret = 1 && kept_rhs(); // expected-error {{references __init function 'kept_rhs'}}
  return ret ? 0 : kept_arm(); // expected-error {{references __init function 'kept_arm'}}
}

// A condition with a side effect is evaluated, so it is not folded.
int side_effect(void) {
  if (next_state() && 0)
    kept_side_effect(); // expected-error {{references __init function 'kept_side_effect'}}
  if ((resident_state = 0))
    return 2;
  return 0;
}

// A label in the dead branch can be jumped to: the branch is emitted.
int labelled(int n) {
  if (n)
    goto again;
  if (0) {
  again:
    kept_label(); // expected-error {{references __init function 'kept_label'}}
  }
  return 0;
}

// The references in a dropped branch don't keep a static helper alive.
static int __init dropped_helper_target(void) { return 0; }
static int dropped_helper(void) { return dropped_helper_target(); }
int uses_helper_when_off(void) {
  if (IS_ENABLED(CONFIG_FOO))
    return dropped_helper();
  return 0;
}
