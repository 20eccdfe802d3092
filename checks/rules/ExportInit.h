//===- ExportInit.h - initcheck-export-init ----------------------*- C++ -*-===//
//
// EXPORT_SYMBOL of an init or exit symbol.
// Documentation: docs/checks/export-init.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_EXPORTINIT_H
#define INITCHECK_CHECKS_EXPORTINIT_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkExportInit(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
