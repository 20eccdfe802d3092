//===- InitOnlyHelper.h - initcheck-init-only-helper ----------------------*- C++ -*-===//
//
// Unannotated static helpers used only by init (or exit) code.
// Documentation: docs/checks/init-only-helper.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITONLYHELPER_H
#define INITCHECK_CHECKS_INITONLYHELPER_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkInitOnlyHelper(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
