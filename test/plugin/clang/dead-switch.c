// A switch on a constant is folded as clang's CodeGen folds it
// (CodeGenFunction::EmitSwitchStmt, FindCaseStatementsForValue and
// CollectStatementsForCase in lib/CodeGen/CGStmt.cpp): only the statements
// from the matching case (or default) up to the first break are emitted,
// and nothing when no case matches and there is no default; the condition
// and the other cases reference nothing. When CodeGen cannot prove that
// (a label or a skipped declaration in the body, a case range, a case
// inside a loop, a break nested in the live code), it emits the whole
// switch, and so every case is checked. This is dead-branches.c's rule for
// `if`, `?:`, `&&` and `||`, for `switch (IS_ENABLED(CONFIG_X))`.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,cxx -x c++ -std=c++17 %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
// RUN: %check_initcheck_tidy %s initcheck-section-mismatch %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,CXX %s initcheck-section-mismatch %t -- -- -I %inputs -x c++ -std=c++17
//
// The object agrees at -O0: the dropped references are not there, the kept
// ones are (the plugin in warn-only mode, so the object gets written).
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O0 -c %s -o %t.o 2>/dev/null
// RUN: llvm-nm-19 %t.o | FileCheck --check-prefix=NM %s
// RUN: %clangxx -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O0 -x c++ -std=c++17 -c %s -o %t-cxx.o 2>/dev/null
// RUN: llvm-nm-19 %t-cxx.o | FileCheck --check-prefixes=NM,NM-CXX %s
// NM-NOT: dropped_
// NM-DAG: U {{(_Z[0-9]+)?}}kept_case{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_fall_a{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_fall_b{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_default{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_nested{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_label_a{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_label_b{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_range{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_range_other{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_skipped_decl{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_skipped_decl_other{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_loop{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_loop_other{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_inner_break{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_inner_break_other{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_runtime{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_runtime_other{{v?$}}
// NM-DAG: U {{(_Z[0-9]+)?}}kept_after_label{{v?$}}
// NM-CXX-DAG: U {{(_Z[0-9]+)?}}kept_init{{v?$}}
// NM-CXX-DAG: U {{(_Z[0-9]+)?}}kept_cond_var{{v?$}}
// NM-CXX-DAG: U {{(_Z[0-9]+)?}}kept_cxx_case{{v?$}}
// NM-NOT: dropped_

#include "kernel-init.h"

#define IS_ENABLED(option) 0

int __init dropped_case(void);
int __init dropped_fall(void);
int __init dropped_default(void);
int __init dropped_no_match(void);
int __init dropped_nested(void);
int __init dropped_cxx_case(void);
int __init dropped_after_switch(void);
int __init dropped_after_if(void);
int __init dropped_after_case(void);
int __init kept_after_label(void);       // expected-note {{declared __init here}}
int __init kept_case(void);              // expected-note {{declared __init here}}
int __init kept_fall_a(void);            // expected-note {{declared __init here}}
int __init kept_fall_b(void);            // expected-note {{declared __init here}}
int __init kept_default(void);           // expected-note {{declared __init here}}
int __init kept_nested(void);            // expected-note {{declared __init here}}
int __init kept_label_a(void);           // expected-note {{declared __init here}}
int __init kept_label_b(void);           // expected-note {{declared __init here}}
int __init kept_range(void);             // expected-note {{declared __init here}}
int __init kept_range_other(void);       // expected-note {{declared __init here}}
int __init kept_skipped_decl(void);      // expected-note {{declared __init here}}
int __init kept_skipped_decl_other(void); // expected-note {{declared __init here}}
int __init kept_loop(void);              // expected-note {{declared __init here}}
int __init kept_loop_other(void);        // expected-note {{declared __init here}}
int __init kept_inner_break(void);       // expected-note {{declared __init here}}
int __init kept_inner_break_other(void); // expected-note {{declared __init here}}
int __init kept_runtime(void);           // expected-note {{declared __init here}}
int __init kept_runtime_other(void);     // expected-note {{declared __init here}}
int __init kept_init(void);              // cxx-note {{declared __init here}}
int __init kept_cond_var(void);          // cxx-note {{declared __init here}}
int __init kept_cxx_case(void);          // cxx-note {{declared __init here}}
int state;

// The case with the value, up to its break; the others are dropped.
int config_off(void) {
  switch (IS_ENABLED(CONFIG_ACPI)) {
  case 1:
    return dropped_case();
  case 0:
    state = kept_case(); // expected-error {{references __init function 'kept_case'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: function 'config_off' references __init function 'kept_case'
    break;
  }
  return state;
}

// Falling through into the next case keeps it; the break ends the run.
void fall_through(void) {
  switch (2) {
  case 2:
    kept_fall_a(); // expected-error {{references __init function 'kept_fall_a'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'fall_through' references __init function 'kept_fall_a'
  case 3:
    kept_fall_b(); // expected-error {{references __init function 'kept_fall_b'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'fall_through' references __init function 'kept_fall_b'
    break;
  case 4:
    dropped_fall();
  }
}

// No case matches: the default runs; without one, nothing does.
void defaults(void) {
  switch (5) {
  case 1:
    dropped_default();
    break;
  default:
    kept_default(); // expected-error {{references __init function 'kept_default'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'defaults' references __init function 'kept_default'
  }
  switch (7) { // expected-warning {{no case matching constant switch condition '7'}}
  case 1:
    dropped_no_match();
  }
}

// A case nested in a block of the body.
void nested(void) {
  switch (1) {
    {
    case 1:
      kept_nested(); // expected-error {{references __init function 'kept_nested'}}
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: function 'nested' references __init function 'kept_nested'
      break;
    }
  case 2:
    dropped_nested();
  }
}

// The whole switch is emitted: a label in it, a case range, a declaration
// skipped on the way to the case, the case inside a loop, a break inside
// the live code, a condition that is not constant.
int emitted(int n) {
  if (n)
    goto again;
  switch (0) {
  case 0:
    kept_label_a(); // expected-error {{references __init function 'kept_label_a'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_label_a'
    break;
  case 1:
  again:
    kept_label_b(); // expected-error {{references __init function 'kept_label_b'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_label_b'
  }
  switch (1) {
  case 0 ... 2:
    kept_range(); // expected-error {{references __init function 'kept_range'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_range'
    break;
  case 3:
    kept_range_other(); // expected-error {{references __init function 'kept_range_other'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_range_other'
  }
  switch (1) {
    int skipped;
  case 1:
    skipped = kept_skipped_decl(); // expected-error {{references __init function 'kept_skipped_decl'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: function 'emitted' references __init function 'kept_skipped_decl'
    n += skipped;
    break;
  case 2:
    kept_skipped_decl_other(); // expected-error {{references __init function 'kept_skipped_decl_other'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_skipped_decl_other'
  }
  switch (1) {
    while (n--) {
    case 1:
      kept_loop(); // expected-error {{references __init function 'kept_loop'}}
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: function 'emitted' references __init function 'kept_loop'
    }
  case 2:
    kept_loop_other(); // expected-error {{references __init function 'kept_loop_other'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_loop_other'
  }
  switch (0) {
  case 0:
    if (n)
      break;
    kept_inner_break(); // expected-error {{references __init function 'kept_inner_break'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_inner_break'
    break;
  case 1:
    kept_inner_break_other(); // expected-error {{references __init function 'kept_inner_break_other'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_inner_break_other'
  }
  switch (state) {
  case 0:
    kept_runtime(); // expected-error {{references __init function 'kept_runtime'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_runtime'
    break;
  default:
    kept_runtime_other(); // expected-error {{references __init function 'kept_runtime_other'}}
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'emitted' references __init function 'kept_runtime_other'
  }
  return n;
}

// What follows a folded switch or if that always leaves is reached by a
// label only: CodeGen emits nothing for it.
int after_switch(void) {
  switch (IS_ENABLED(CONFIG_X)) {
  case 0:
    return 0;
  }
  return dropped_after_switch();
}
void after_if(void) {
  if (!IS_ENABLED(CONFIG_X))
    return;
  dropped_after_if();
}
int after_case(void) {
  switch (1) {
  case 1: {
    state = 1;
    return state;
  }
  case 2:
    return dropped_after_case();
  }
  return 0;
}
int after_label(int n) {
  if (n)
    goto back;
  if (!IS_ENABLED(CONFIG_X))
    return 0;
back:
  return kept_after_label(); // expected-error {{references __init function 'kept_after_label'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: function 'after_label' references __init function 'kept_after_label'
}

#ifdef __cplusplus
// C++17: the init-statement and the condition variable are emitted, the
// dropped cases are not.
constexpr int mode = 3;
int cxx(void) {
  switch (kept_init(); mode) { // cxx-error {{references __init function 'kept_init'}}
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:11: warning: function 'cxx' references __init function 'kept_init'
  case 1:
    return dropped_cxx_case();
  case 3:
    return kept_cxx_case(); // cxx-error {{references __init function 'kept_cxx_case'}}
    // CHECK-MESSAGES-CXX: :[[@LINE-1]]:12: warning: function 'cxx' references __init function 'kept_cxx_case'
  }
  return 0;
}
int cxx_cond_var(void) {
  switch (const int v = 1) {
  case 1:
    return kept_cond_var() + v; // cxx-error {{references __init function 'kept_cond_var'}}
    // CHECK-MESSAGES-CXX: :[[@LINE-1]]:12: warning: function 'cxx_cond_var' references __init function 'kept_cond_var'
  case 2:
    return dropped_cxx_case() + v;
  }
  return 0;
}
#endif
