// Symbols an inline asm template names in the function's own code are
// relocations of that function (`call early_fixup` is R_X86_64_PLT32 at
// -O0 and -O2); what a template emits after .pushsection/.section belongs
// to that other section. Only annotated symbols are looked up: a word of a
// template is no evidence that a helper of that name is used.
//
// RUN: %initcheck_cc1 -triple x86_64-linux-gnu -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -triple x86_64-linux-gnu -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -triple x86_64-linux-gnu -fsyntax-only -I %inputs -verify -x c++ %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs --target=x86_64-linux-gnu
// RUN: %clang --target=x86_64-linux-gnu -fno-pic -c -I %inputs %s -o %t.o

#include "kernel-init.h"

#ifdef __cplusplus
#define C_LINKAGE extern "C"
#else
#define C_LINKAGE
#endif

C_LINKAGE void __init early_fixup(void); // #early_fixup
C_LINKAGE int boot_tbl[4] __initdata;    // #boot_tbl
C_LINKAGE void __init boot_only(void);
C_LINKAGE void resident_helper(void);

void resident(void) {
  asm volatile("call early_fixup"); // expected-error {{function 'resident' references __init function 'early_fixup': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#early_fixup {{declared __init here}}
  // An immediate and an operand: `$sym` names, `%0` and registers do not.
  asm volatile("movq $boot_tbl, %%rax\n\tcall %c0" : : "i"(resident_helper) : "rax"); // expected-error {{function 'resident' references __initdata variable 'boot_tbl': .init.data is freed after boot}} expected-note@#boot_tbl {{declared __initdata here}}
}

// Not mismatches: code emitted into .init.text, labels and local labels,
// and the same call from __init code.
void resident_elsewhere(void) {
  asm volatile(".pushsection .init.text\n\tcall boot_only\n\t.popsection");
  asm volatile("1: jmp 1b\n" "early_fixup_done: nop");
}
void __init boot(void) {
  asm volatile("call early_fixup");
}
