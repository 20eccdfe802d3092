// NOLINT(initcheck-...) and NOLINTNEXTLINE(initcheck-...) silence a finding
// at its primary location, as for any clang-tidy check; a NOLINT naming
// another check does not. clang-tidy applies NOLINT to notes too: one on
// the line of a note drops that note, not the finding.
//
// RUN: %check_initcheck_tidy %s initcheck-section-mismatch,initcheck-init-only-helper %t -- -- -I %inputs
// RUN: %clang_tidy --load=%initcheck_tidy --checks='-*,initcheck-*' --config={} %s -- -I %inputs 2>&1 | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: Suppressed 7 warnings (7 NOLINT).

#include "kernel-init.h"

static int __init setup_hw(void) { return 0; }

int silenced(void) { return setup_hw(); } // NOLINT(initcheck-section-mismatch)
int silenced_glob(void) { return setup_hw(); } // NOLINT(initcheck-*)
int silenced_all(void) { return setup_hw(); } // NOLINT
// NOLINTNEXTLINE(initcheck-section-mismatch)
int silenced_next(void) { return setup_hw(); }

// NOLINTBEGIN(initcheck-section-mismatch)
int silenced_block(void) { return setup_hw(); }
// NOLINTEND(initcheck-section-mismatch)

// Another check's name does not silence this one.
int reported(void) { return setup_hw(); } // NOLINT(initcheck-init-to-exit)
// CHECK-NOTES: :[[@LINE-1]]:29: warning: function 'reported' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES: :[[@LINE-15]]:19: note: 'setup_hw' declared __init here
// NOLINTNEXTLINE(initcheck-init-only-helper)
int reported_next(void) { return setup_hw(); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: function 'reported_next' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES: :[[@LINE-19]]:19: note: 'setup_hw' declared __init here

// The finding stays; its note on the NOLINT line goes.
static int __initdata boot_val; // NOLINT(initcheck-section-mismatch)
int reads(void) { return boot_val; }
// CHECK-NOTES: :[[@LINE-1]]:26: warning: function 'reads' references __initdata variable 'boot_val': .init.data is freed after boot [initcheck-section-mismatch]
// CHECK-NOTES-NOT: note: 'boot_val' declared

// Advice is silenced the same way.
static int helper(void) { return setup_hw(); } // NOLINT(initcheck-init-only-helper)
static int __init use_helper(void) { return helper(); }
core_initcall(use_helper);
