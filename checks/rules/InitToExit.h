//===- InitToExit.h - initcheck-init-to-exit ----------------------*- C++ -*-===//
//
// Init code that references exit code, which built-in kernels discard.
// Documentation: docs/checks/init-to-exit.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITTOEXIT_H
#define INITCHECK_CHECKS_INITTOEXIT_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkInitToExit(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
