// A file that does not compile: clang-tidy reports the compile error, and
// initcheck stays silent, as the plugin does (the AST may be incomplete).
//
// RUN: not %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} %s -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=initcheck-
// CHECK: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]

#include "kernel-init.h"

static int __init setup_hw(void) { return 0; }
int reprobe(void) { return setup_hw() + undeclared; }
