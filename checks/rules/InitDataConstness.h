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

/// The two roles: const objects in .init.data (initcheck-const-initdata)
/// and writable ones in .init.rodata (initcheck-nonconst-initconst).
enum class InitDataRole { ConstInInitData, WritableInInitConst };

void checkInitDataConstness(const RuleInput &In, FindingSink &Out,
                            InitDataRole Role);

} // namespace initcheck

#endif
