//===- InitDataConstness.h - const vs. the init data sections ---*- C++ -*-===//
//
// initcheck-const-initdata and initcheck-nonconst-initconst are one check
// with the roles swapped: an object whose constness contradicts its init
// data section (checkpatch's INIT_ATTRIBUTE).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITDATACONSTNESS_H
#define INITCHECK_CHECKS_INITDATACONSTNESS_H

#include "checks/rules/Rules.h"

namespace initcheck {

struct InitDataConstness {
  llvm::StringRef Section;     ///< ".init.data" or ".init.rodata".
  bool ConstObjects;           ///< Report const (true) or writable objects.
  llvm::StringRef Written;     ///< The macro to replace, "__initdata".
  llvm::StringRef Replacement; ///< The macro that fits, "__initconst".
  llvm::StringRef Advice;      ///< The message after "variable 'x' ...".
};

void checkInitDataConstness(const RuleInput &In, FindingSink &Out,
                            const InitDataConstness &C);

} // namespace initcheck

#endif
