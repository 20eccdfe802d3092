// C++ that does not compile: failed template instantiations, invalid
// lambdas and members referencing init code. No crash, no initcheck noise.
//
// RUN: %initcheck_cc1 -fsyntax-only -verify %s

#define __init __attribute__((section(".init.text")))
int __init setup();
template <typename T> struct Bad {
  T t;
  int f() { return t.nope() + setup(); } // expected-error {{member reference base type 'int' is not a structure or union}}
};
int inst() { Bad<int> b; return b.f(); } // expected-note {{in instantiation of member function}}
auto broken_lambda = [](int x) { return x + undeclared; }; // expected-error {{use of undeclared identifier}}
struct S { int __init m(); int n() { return m(); } };
