//===- InitcallType.h - initcheck-initcall-type -----------------*- C++ -*-===//
//
// An initcall entry whose function does not have the type the kernel calls
// it with: int (void) for initcalls, void (void) for exitcalls.
// Documentation: docs/checks/initcall-type.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITCALLTYPE_H
#define INITCHECK_CHECKS_INITCALLTYPE_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkInitcallType(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
