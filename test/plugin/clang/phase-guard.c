// phase-guard=EXPR (docs/adopting.md#phase-guards): a reference inside
// `if (EXPR) { ... }` in resident code is judged as init code's. The
// condition matches when its tokens, or those of one operand of its
// top-level `&&` chain, are EXPR's, whitespace and enclosing parentheses
// aside. Init memory is then allowed (a remark naming the guard under
// `verbose`); exit memory stays an error, as for init code; anything else
// (another condition, the else branch, no guard declared) is judged as
// before. C and C++, strict and modpost-compat.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,none %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,guard %s -plugin-arg-initcheck "phase-guard=system_state < SYSTEM_RUNNING"
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,guard,verbose %s -plugin-arg-initcheck "phase-guard=system_state < SYSTEM_RUNNING" -plugin-arg-initcheck verbose
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,guard %s -plugin-arg-initcheck "phase-guard=(system_state<SYSTEM_RUNNING)" -plugin-arg-initcheck modpost-compat -DCOMPAT
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,guard -x c++ %s -plugin-arg-initcheck "phase-guard=system_state < SYSTEM_RUNNING"
//
// Every front: initcheck check and clang-tidy agree with the plugin.
// RUN: rm -rf %t && mkdir %t && cp %s %t/g.c && cd %t
// RUN: not %initcheck check "--phase-guard=system_state < SYSTEM_RUNNING" g.c -- -I %inputs 2> check.txt
// RUN: FileCheck %s --check-prefix=FRONT --input-file=check.txt
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' "-config={CheckOptions: {initcheck.PhaseGuard: 'system_state < SYSTEM_RUNNING'}}" g.c -- -I %inputs > tidy.txt 2>&1
// RUN: FileCheck %s --check-prefix=FRONT --input-file=tidy.txt
// FRONT-NOT: 'guarded
// FRONT: g.c:64:12: {{error|warning}}: function 'other_condition' references __init function 'setup'
// FRONT: g.c:72:12: {{error|warning}}: function 'else_branch' references __init function 'setup'
// FRONT: g.c:77:5: {{error|warning}}: function 'exit_memory' references __exit function 'teardown'
// RUN: not %initcheck check --format=sarif "--phase-guard=system_state < SYSTEM_RUNNING" g.c -- -I %inputs | FileCheck %s --check-prefix=SARIF
// initcheck link: the guard the compile matched travels in the facts.
// RUN: printf '#include "kernel-init.h"\nint __init b_init(void) { return 0; }\n' > b.c
// RUN: printf 'extern int system_state;\nint b_init(void);\nint use_a(void) { if (system_state < 2) return b_init(); return 0; }\nint use_b(void) { return b_init(); }\n' > a.c
// RUN: %clang -fplugin=%initcheck_plugin -I %inputs -c b.c -o b.o
// RUN: %clang -fplugin=%initcheck_plugin "-fplugin-arg-initcheck-phase-guard=system_state < 2" -c a.c -o a.o
// RUN: not %initcheck link --verbose a.o b.o 2>&1 | FileCheck %s --check-prefix=LINK
// LINK: a.c:3:48: remark: function 'use_a' references __init function 'b_init'
// LINK-NEXT: a.c:3:48: note: judged as init code: inside 'if (system_state < 2)', the project's phase guard
// LINK: a.c:4:26: error: function 'use_b' references __init function 'b_init'
// RUN: %clang -fplugin=%initcheck_plugin -c a.c -o a.o
// RUN: not %initcheck link a.o b.o 2>&1 | FileCheck %s --check-prefix=NOGUARD
// NOGUARD: a.c:3:48: error: function 'use_a' references __init function 'b_init'
// SARIF: "kind": "external",
// SARIF-NEXT: "justification": "inside 'if (system_state < SYSTEM_RUNNING)', the project's phase guard (phase-guard=)"

#include "kernel-init.h"

enum system_states { SYSTEM_BOOTING, SYSTEM_SCHEDULING, SYSTEM_RUNNING };
extern enum system_states system_state;
static int __init setup(void) { return 0; } // #setup
static void __exit teardown(void) {}         // #teardown

int guarded(void) {
  if (system_state < SYSTEM_RUNNING)
    return setup(); // none-error {{function 'guarded' references __init function 'setup'}} none-note@#setup {{declared __init here}} verbose-remark {{function 'guarded' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]}} verbose-note {{judged as init code: inside 'if (system_state < SYSTEM_RUNNING)', the project's phase guard}} verbose-note@#setup {{declared __init here}}
  return 0;
}

int guarded_spelled_apart(void) {
  if ((( system_state<SYSTEM_RUNNING )) && system_state != SYSTEM_SCHEDULING) {
    return setup(); // none-error {{function 'guarded_spelled_apart' references __init function 'setup'}} none-note@#setup {{declared __init here}} verbose-remark {{function 'guarded_spelled_apart'}} verbose-note {{the project's phase guard}} verbose-note@#setup {{declared __init here}}
  }
  return 0;
}

int other_condition(void) {
  if (system_state <= SYSTEM_RUNNING)
    return setup(); // expected-error {{function 'other_condition' references __init function 'setup'}} expected-note@#setup {{declared __init here}}
  return 0;
}

int else_branch(void) {
  if (system_state < SYSTEM_RUNNING)
    return 0;
  else
    return setup(); // expected-error {{function 'else_branch' references __init function 'setup'}} expected-note@#setup {{declared __init here}}
}

void exit_memory(void) {
  if (system_state < SYSTEM_RUNNING)
    teardown(); // expected-error {{function 'exit_memory' references __exit function 'teardown'}} expected-note@#teardown {{declared __exit here}}
}

int either(void) {
  // An operand of `||` is no guard: the branch also runs without it.
  if (system_state < SYSTEM_RUNNING || system_state == SYSTEM_SCHEDULING)
    return setup(); // expected-error {{function 'either' references __init function 'setup'}} expected-note@#setup {{declared __init here}}
  return 0;
}

#ifndef COMPAT
// A helper only guarded code calls runs under the guard, as one only
// __ref code calls: advice to mark it __ref, never __init.
static int helper(void) { return setup(); } // guard-warning {{function 'helper' references __init function 'setup' and is only used by __ref code: mark it __ref}} guard-note@#setup {{declared __init here}} none-error {{function 'helper' references __init function 'setup'}} none-note@#setup {{declared __init here}} expected-note@#helper_call {{'helper' is called by function 'uses_helper' here}}
int uses_helper(void) {
  if (system_state < SYSTEM_RUNNING)
    return helper(); // #helper_call
  return 0;
}
#endif
