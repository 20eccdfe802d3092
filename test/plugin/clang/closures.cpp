// A lambda's body is a function of its own in .text, whatever function
// creates it: a lambda made in __init code and kept in a resident function
// pointer or std::function reads init memory after boot. Calling the
// closure is a call of its operator(); any other use lets it run later.
// Each verdict is a relocation of the object at -O0 (and -O2 where the
// lambda is not inlined into its only caller).
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -std=c++20 %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -std=c++20 -plugin-arg-initcheck modpost-compat %s
// RUN: %clang -x c++ -std=c++20 -fsyntax-only -fplugin=%initcheck_plugin -I %inputs -DSTD_FUNCTION -Xclang -verify=expected,strict,std %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -std=c++20
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -std=c++20 -DSTD_FUNCTION
// RUN: %clang -c -std=c++20 -I %inputs -DSTD_FUNCTION %s -o %t.o

// Before kernel-init.h: libstdc++ spells names such as __init itself.
#ifdef STD_FUNCTION
#include <functional>
#endif
#include "kernel-init.h"

int boot_opt __initdata; // #boot_opt
int __init setup_hw();   // #setup_hw

int (*resume_hook)();
int (*scaled_hook)(int);

// Created in init code, kept in a resident pointer: runs after boot.
static int __init install_hooks() {
  resume_hook = [] { return boot_opt; }; // expected-error {{function 'lambda in install_hooks' references __initdata variable 'boot_opt': .init.data is freed after boot [initcheck-section-mismatch]}} expected-note@#boot_opt {{declared __initdata here}} strict-note {{the address of 'lambda in install_hooks' escapes here, in __init function 'install_hooks', so it can be used after boot}}
  auto scale = [](auto x) { return x * boot_opt; }; // expected-error {{function 'lambda in install_hooks' references __initdata variable 'boot_opt'}} expected-note@#boot_opt {{declared __initdata here}}
  scaled_hook = scale; // strict-note {{the address of 'lambda in install_hooks' escapes here, in __init function 'install_hooks'}}
  return 0;
}
early_initcall(install_hooks);

#ifdef STD_FUNCTION
std::function<int()> on_resume;
static int __init install_std() {
  on_resume = [] { return setup_hw(); }; // std-error {{function 'lambda in install_std' references __init function 'setup_hw'}} std-note@#setup_hw {{declared __init here}} std-note {{the address of 'lambda in install_std' escapes here, in __init function 'install_std'}}
  return 0;
}
early_initcall(install_std);
#endif

// Called by resident code: resident.
int reprobe() {
  return [] { return setup_hw(); }(); // expected-error {{function 'lambda in reprobe' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}} strict-note {{'lambda in reprobe' is called by function 'reprobe' here}}
}

// Only init code calls it: advice, as for a static helper (no fix-it: the
// annotation goes after the parameters, `[]() __init { ... }`); modpost-
// compat, like modpost, assumes clang inlines it.
static int __init parse_opts() {
  auto get = [] { return boot_opt; }; // strict-warning {{function 'lambda in parse_opts' references __initdata variable 'boot_opt' and is only used by init code: mark it __init [initcheck-init-only-helper]}} strict-note@#boot_opt {{declared __initdata here}}
  return get() + get(); // strict-note {{'lambda in parse_opts' is called by __init function 'parse_opts' here}}
}
early_initcall(parse_opts);

// Not mismatches: an __init lambda used at init, a capture evaluated by the
// __init function, and a lambda whose function nothing uses.
static int __init annotated() {
  auto get = []() __init { return boot_opt + setup_hw(); };
  int v = [copy = boot_opt] { return copy; }();
  return get() + v;
}
early_initcall(annotated);
static int never_called() {
  return [] { return boot_opt; }();
}

// A closure another one captures is used by that one's body: the capture
// itself lets nothing run, so this stays advice for both.
static int __init nested() {
  auto get = [] { return boot_opt; }; // strict-warning {{function 'lambda in nested' references __initdata variable 'boot_opt' and is only used by init code}} strict-note@#boot_opt {{declared __initdata here}}
  auto twice = [get] { return get() + get(); }; // strict-note {{'lambda in nested' is called by function 'lambda in nested' here}}
  return twice(); // strict-note {{'lambda in nested' is called by __init function 'nested' here}}
}
early_initcall(nested);
