//===- ConstInitdata.h - initcheck-const-initdata ----------------------*- C++ -*-===//
//
// const objects marked __initdata instead of __initconst.
// Documentation: docs/checks/const-initdata.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_CONSTINITDATA_H
#define INITCHECK_CHECKS_CONSTINITDATA_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkConstInitdata(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
