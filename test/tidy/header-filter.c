// Findings located in a header: the plugin reports them all. clang-tidy, as
// for every check, shows one only when the header matches --header-filter
// (HeaderFilterRegex) or one of its notes is in the main file, and counts
// the others as suppressed.
//
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} %s -- -I %inputs -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=READER,DEFAULT --implicit-check-not=warning:
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} --header-filter='header-helper' %s -- -I %inputs -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=HOOK,READER --implicit-check-not=warning:
// RUN: not %clang -fsyntax-only -fplugin=%initcheck_plugin -I %inputs -I %S/Inputs %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN
//
// HOOK: header-helper.h:3:28: warning: variable 'header_hook' references __init function 'header_init': .init.text is freed after boot [initcheck-section-mismatch]
// READER: header-helper.h:5:48: warning: function 'header_reader' references __initdata variable 'header_state': .init.data is freed after boot [initcheck-section-mismatch]
// READER: header-filter.c:[[@LINE+8]]:29: note: 'header_reader' is called by function 'resident' here
// DEFAULT: Suppressed 1 warnings (1 in non-user code).
// PLUGIN: header-helper.h:3:28: error: variable 'header_hook' references __init function 'header_init'
// PLUGIN: header-helper.h:5:48: error: function 'header_reader' references __initdata variable 'header_state'

#include "kernel-init.h"
#include "header-helper.h"

int resident(void) { return header_reader(); }
