//===- ExitToInit.h - initcheck-exit-to-init ----------------------*- C++ -*-===//
//
// Exit code that references init memory, freed long before exit runs.
// Documentation: docs/checks/exit-to-init.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_EXITTOINIT_H
#define INITCHECK_CHECKS_EXITTOINIT_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkExitToInit(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
