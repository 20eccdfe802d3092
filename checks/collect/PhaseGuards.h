//===- PhaseGuards.h - Conditions a project declares init-only --*- C++ -*-===//
#ifndef INITCHECK_CHECKS_COLLECT_PHASEGUARDS_H
#define INITCHECK_CHECKS_COLLECT_PHASEGUARDS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace initcheck {

/// A guard expression as it is compared (docs/adopting.md#phase-guards):
/// its C tokens joined by one space, so whitespace, comments and line
/// breaks do not count, and without parentheses that enclose all of it.
/// Empty when \p Expr has no tokens.
std::string normalizeGuard(llvm::StringRef Expr);

} // namespace initcheck

#endif
