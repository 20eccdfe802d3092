//===- UndeclaredInitcallLevel.h - initcheck-undeclared-initcall-level -*- C++ -*-===//
//
// An initcall table section whose level is not declared (initcall-levels=,
// or the kernel's when none are): its entries are in no order table and no
// initcall rule judges them, so it is said once per file and section.
// Documentation: docs/checks/undeclared-initcall-level.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_UNDECLAREDINITCALLLEVEL_H
#define INITCHECK_CHECKS_UNDECLAREDINITCALLLEVEL_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkUndeclaredInitcallLevel(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
