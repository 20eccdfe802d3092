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
} // namespace initcheck

#endif
