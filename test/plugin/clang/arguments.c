// The plugin's own arguments. Clang 19 plugin diagnostics ignore -W flags,
// so severity and rule selection go through -fplugin-arg-initcheck-*.
//
// Errors by default: the compile fails and no object is written.
// RUN: rm -f %t.o
// RUN: not %clang -fplugin=%initcheck_plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: not test -e %t.o
// ERROR: arguments.c:[[@LINE+14]]:{{[0-9]+}}: error: function 'later' references __init function 'setup': .init.text is freed after boot [initcheck-section-mismatch]
//
// warn-only: the same finding as a warning; the object is written.
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: test -e %t.o
// WARN: warning: function 'later' references __init function 'setup'
//
// -Werror does not turn advice into errors, and -w does not hide errors.
// RUN: not %clang -fplugin=%initcheck_plugin -w -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERROR
//
// disable= switches single rules off.
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-disable=initcheck-section-mismatch -c %s -o %t.o 2>&1 | count 0
#define __init __attribute__((section(".init.text")))
int __init setup(void) { return 0; }
int later(void) { return setup(); }

// Bad arguments: one clear error naming the problem, and a failed compile.
// RUN: not %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-bogus -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: initcheck: unknown setting 'bogus' (known: warn-only, modpost-compat, disable=, whitelist=, init-section=, exit-section=, initcall-levels=, sarif=, no-facts, help, baseline=, phase-guard=, verbose)
// RUN: not %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-disable=initcheck-nope -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=BADRULE
// BADRULE: error: initcheck: unknown rule 'initcheck-nope' in 'disable'
// RUN: not %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-whitelist= -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: initcheck: 'whitelist' needs a value
//
// help lists every rule.
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-help -fplugin-arg-initcheck-warn-only -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=HELP
// HELP: initcheck-section-mismatch:
// HELP: initcheck-init-to-exit:
// HELP: initcheck-exit-to-init:
// HELP: initcheck-export-init:
// HELP: initcheck-init-only-helper (advice):
// HELP: initcheck-const-initdata (advice):
// HELP: initcheck-nonconst-initconst (advice):
// HELP: initcheck-annotation-mismatch (advice):
