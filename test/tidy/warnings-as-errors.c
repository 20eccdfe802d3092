// Every initcheck finding is a clang-tidy warning; --warnings-as-errors
// makes the chosen checks fail the run, as the plugin's errors fail a build.
//
// Plain: warnings, exit status 0.
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} %s -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not=error:
// All of them: errors, exit status 1.
// RUN: not %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} \
// RUN:   --warnings-as-errors='initcheck-*' %s -- -I %inputs 2>&1 | FileCheck %s --check-prefix=ALL
// The plugin's default: the error rules fail, advice does not.
// RUN: not %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} \
// RUN:   --warnings-as-errors='initcheck-*,-initcheck-init-only-helper' %s -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERRORS
// Advice alone never fails the run.
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-init-only-helper' --config={} \
// RUN:   --warnings-as-errors='initcheck-*,-initcheck-init-only-helper' %s -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ADVICE
// From a .clang-tidy file too.
// RUN: not %clang_tidy --load=%initcheck_tidy %s \
// RUN:   --config="{Checks: '-*,initcheck-*', WarningsAsErrors: 'initcheck-section-mismatch'}" -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CONFIG

#include "kernel-init.h"

static int __init setup_hw(void) { return 0; }
int reprobe(void) { return setup_hw(); }
static int helper(void) { return setup_hw(); }
static int __init board_init(void) { return helper(); }
core_initcall(board_init);

// WARN: warning: function 'reprobe' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// WARN: warning: function 'helper' references __init function 'setup_hw' and is only used by init code: mark it __init [initcheck-init-only-helper]

// ALL: error: function 'reprobe' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch,-warnings-as-errors]
// ALL: error: function 'helper' references __init function 'setup_hw' and is only used by init code: mark it __init [initcheck-init-only-helper,-warnings-as-errors]
// ALL: 2 warnings treated as errors

// ERRORS: error: function 'reprobe' {{.*}} [initcheck-section-mismatch,-warnings-as-errors]
// ERRORS: warning: function 'helper' {{.*}} [initcheck-init-only-helper]{{$}}
// ERRORS: 1 warning treated as error

// ADVICE: warning: function 'helper' {{.*}} [initcheck-init-only-helper]{{$}}
// ADVICE-NOT: error:

// CONFIG: error: function 'reprobe' {{.*}} [initcheck-section-mismatch,-warnings-as-errors]
// CONFIG: warning: function 'helper' {{.*}} [initcheck-init-only-helper]{{$}}
