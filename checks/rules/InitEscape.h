//===- InitEscape.h - initcheck-init-escape ----------------------*- C++ -*-===//
//
// Init (or exit) code that keeps the address of init (or exit) memory in
// memory that outlives it, at run time: a store into a resident object, a
// template copied into one, a registration that keeps the pointer. No
// relocation crosses sections, so no section check sees it. An error when
// resident code provably reads or calls what was kept, advice otherwise.
// Documentation: docs/checks/init-escape.md
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITESCAPE_H
#define INITCHECK_CHECKS_INITESCAPE_H

#include "checks/rules/Rules.h"

namespace initcheck {
void checkInitEscape(const RuleInput &In, FindingSink &Out);
} // namespace initcheck

#endif
