//===- SectionMismatch.h - initcheck-section-mismatch ----------------------*- C++ -*-===//
//
// Resident code or data that references init or exit memory.
// Documentation: docs/checks/section-mismatch.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_SECTIONMISMATCH_H
#define INITCHECK_CHECKS_SECTIONMISMATCH_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkSectionMismatch(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
