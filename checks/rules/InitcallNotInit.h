//===- InitcallNotInit.h - initcheck-initcall-not-init ----------*- C++ -*-===//
//
// An initcall function that is not __init (or an exitcall one that is not
// __exit) stays in memory for nothing after it ran.
// Documentation: docs/checks/initcall-not-init.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITCALLNOTINIT_H
#define INITCHECK_CHECKS_INITCALLNOTINIT_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkInitcallNotInit(const RuleInput &In, FindingSink &Out);

/// True when \p Sym is the function of an initcall or exitcall entry: this
/// rule gives its advice, so initcheck-init-only-helper does not repeat it.
bool isInitcallFunction(const TuFacts &Facts, unsigned Sym);
} // namespace initcheck

#endif
