// Neighbours of the calls the source does not spell, each a relocation of
// the resident function at -O0 and -O2: a conversion operator or converting
// constructor the compiler inserts, a default argument evaluated at the
// call, a default member initializer run by the implicit constructor, and a
// statement expression. The finding is at the expression that converts.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %clang -c -I %inputs %s -o %t.o

#include "kernel-init.h"

int boot_opt __initdata; // #boot_opt

struct Level {
  __init operator int() const; // #to_int
};
int level_of(Level l) {
  return l; // expected-error {{function 'level_of' references __init function 'Level::operator int': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#to_int {{declared __init here}}
}

struct Token {
  __init Token(int); // #token
};
void consume(Token);
void convert() {
  consume(1); // expected-error {{function 'convert' references __init function 'Token::Token'}} expected-note@#token {{declared __init here}}
}

int tune(int x = boot_opt);
int tune_default() {
  return tune(); // expected-error {{function 'tune_default' references __initdata variable 'boot_opt'}} expected-note@#boot_opt {{declared __initdata here}}
}

struct Config {
  int value = boot_opt; // expected-error {{function 'Config::Config' references __initdata variable 'boot_opt'}} expected-note@#boot_opt {{declared __initdata here}}
};
int config_value() {
  Config c;
  return c.value;
}

int statement_expr() {
  return ({ int y = boot_opt; y; }); // expected-error {{function 'statement_expr' references __initdata variable 'boot_opt'}} expected-note@#boot_opt {{declared __initdata here}}
}
