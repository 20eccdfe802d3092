//===- NonconstInitconst.h - initcheck-nonconst-initconst ----------------------*- C++ -*-===//
//
// Writable objects marked __initconst.
// Documentation: docs/checks/nonconst-initconst.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_NONCONSTINITCONST_H
#define INITCHECK_CHECKS_NONCONSTINITCONST_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkNonconstInitconst(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
