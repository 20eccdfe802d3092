// .text.startup and .text.exit are init and exit text: the kernel's linker
// script puts them in INIT_TEXT and EXIT_TEXT (include/asm-generic/
// vmlinux.lds.h, Linux 6.12), so they are freed or discarded with
// .init.text and .exit.text; GCC puts main(), constructors and exit-only
// code there. Under -ffunction-sections/-fdata-sections or LTO the script's
// TEXT_MAIN (`.text.[0-9a-zA-Z_]*`) takes them into .text first: resident.
// modpost 6.12 matches both as TEXT_SECTIONS (`.text.*`): resident text, a
// source and never a target, and modpost-compat agrees with it.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,split -fdata-sections %s
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch,initcheck-init-to-exit,initcheck-exit-to-init,initcheck-export-init %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch,initcheck-init-to-exit,initcheck-exit-to-init,initcheck-export-init %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -check-suffixes=,COMPAT %s initcheck-section-mismatch,initcheck-init-to-exit,initcheck-exit-to-init,initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,SPLIT %s initcheck-section-mismatch,initcheck-init-to-exit,initcheck-exit-to-init,initcheck-export-init %t \
// RUN:   --config="{CheckOptions: {initcheck.DataSections: true}}" -- -I %inputs
//
// The object has these sections and references.
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -c %s -o %t.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t.o | FileCheck %s --check-prefix=RELOC
// RELOC-DAG: Relocation section '.rela.text.startup'
// RELOC-DAG: Relocation section '.rela.text.exit'

#include "kernel-init.h"

#define __startup __section(".text.startup")
#define __exittext __section(".text.exit")

int __init setup(void);     // #setup
void __exit teardown(void); // #teardown

// Init text calling init code, exit text calling exit code: fine by the
// linker script; modpost sees .text calling into .init.text/.exit.text.
int __startup boot_main(void) { // #boot_main
  return setup();
  // compat-error@-1 {{function 'boot_main' in section '.text.startup' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]}}
  // split-error@-2 {{function 'boot_main' in section '.text.startup' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]}}
  // compat-note@#setup {{'setup' declared __init here}}
  // split-note@#setup {{'setup' declared __init here}}
  // CHECK-MESSAGES-COMPAT: :[[@LINE-5]]:10: warning: function 'boot_main' in section '.text.startup' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-6]]:10: warning: function 'boot_main' in section '.text.startup' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]
}
void __exittext at_exit(void) { // #at_exit
  teardown();
  // compat-error@-1 {{function 'at_exit' in section '.text.exit' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]}}
  // split-error@-2 {{function 'at_exit' in section '.text.exit' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]}}
  // compat-note@#teardown {{'teardown' declared __exit here}}
  // split-note@#teardown {{'teardown' declared __exit here}}
  // CHECK-MESSAGES-COMPAT: :[[@LINE-5]]:3: warning: function 'at_exit' in section '.text.exit' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-6]]:3: warning: function 'at_exit' in section '.text.exit' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]
}

// Init text using exit code and back: the phase-crossing rules (strict);
// a mismatch from text for modpost.
int __startup boot_uses_exit(void) {
  teardown();
  // strict-error@-1 {{function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-init-to-exit]}}
  // compat-error@-2 {{function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]}}
  // split-error@-3 {{function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]}}
  // expected-note@#teardown {{'teardown' declared __exit here}}
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:3: warning: function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-init-to-exit]
  // CHECK-MESSAGES-COMPAT: :[[@LINE-6]]:3: warning: function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-7]]:3: warning: function 'boot_uses_exit' in section '.text.startup' references __exit function 'teardown': .exit.text is discarded when built in [initcheck-section-mismatch]
  return 0;
}
void __exittext exit_uses_init(void) {
  setup();
  // strict-error@-1 {{function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed before exit code runs [initcheck-exit-to-init]}}
  // compat-error@-2 {{function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]}}
  // split-error@-3 {{function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]}}
  // expected-note@#setup {{'setup' declared __init here}}
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:3: warning: function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed before exit code runs [initcheck-exit-to-init]
  // CHECK-MESSAGES-COMPAT: :[[@LINE-6]]:3: warning: function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-7]]:3: warning: function 'exit_uses_init' in section '.text.exit' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]
}

// Resident code and data using them: freed or discarded memory (strict);
// modpost does not see .text.startup or .text.exit as targets.
int resident(void) {
  return boot_main();
  // strict-error@-1 {{function 'resident' references function 'boot_main' in section '.text.startup': .text.startup is freed after boot [initcheck-section-mismatch]}}
  // strict-note@#boot_main {{'boot_main' placed in section '.text.startup' here}}
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:10: warning: function 'resident' references function 'boot_main' in section '.text.startup': .text.startup is freed after boot [initcheck-section-mismatch]
}
void (*resident_hook)(void) = at_exit;
// strict-error@-1 {{variable 'resident_hook' references function 'at_exit' in section '.text.exit': .text.exit is discarded when built in [initcheck-section-mismatch]}}
// strict-note@#at_exit {{'at_exit' placed in section '.text.exit' here}}
// CHECK-MESSAGES-STRICT: :[[@LINE-3]]:31: warning: variable 'resident_hook' references function 'at_exit' in section '.text.exit': .text.exit is discarded when built in [initcheck-section-mismatch]
EXPORT_SYMBOL(boot_main);
// strict-error@-1 {{EXPORT_SYMBOL of function 'boot_main' in section '.text.startup': .text.startup is freed after boot; remove the section attribute or EXPORT_SYMBOL [initcheck-export-init]}}
// strict-note@#boot_main {{'boot_main' placed in section '.text.startup' here}}
// CHECK-MESSAGES-STRICT: :[[@LINE-3]]:1: warning: EXPORT_SYMBOL of function 'boot_main' in section '.text.startup': .text.startup is freed after boot; remove the section attribute or EXPORT_SYMBOL [initcheck-export-init]
