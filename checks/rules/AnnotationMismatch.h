//===- AnnotationMismatch.h - initcheck-annotation-mismatch ----------------------*- C++ -*-===//
//
// A declaration whose annotation disagrees with the definition's.
// Documentation: docs/checks/annotation-mismatch.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_ANNOTATIONMISMATCH_H
#define INITCHECK_CHECKS_ANNOTATIONMISMATCH_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkAnnotationMismatch(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
