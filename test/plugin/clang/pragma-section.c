// #pragma clang section places code in init memory as surely as __init.
//
// RUN: %initcheck_cc1 -fsyntax-only -verify %s

#pragma clang section text=".init.text" data=".init.data"
int boot_fn(void) { return 0; } // #boot_fn
int boot_var = 3;               // #boot_var
#pragma clang section text="" data=""
#pragma clang section data=".init.weird"
int odd_var = 4; // #odd_var
#pragma clang section data=""

int resident(void) {
  return odd_var + // expected-error {{function 'resident' references variable 'odd_var' in section '.init.weird'}} expected-note@#odd_var {{'odd_var' placed in section '.init.weird' here}}
         boot_fn() + boot_var; // expected-error {{function 'resident' references __init function 'boot_fn': .init.text is freed after boot}} expected-note@#boot_fn {{'boot_fn' declared __init here}} expected-error {{function 'resident' references __initdata variable 'boot_var'}} expected-note@#boot_var {{'boot_var' declared __initdata here}}
}
