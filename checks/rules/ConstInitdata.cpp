//===- ConstInitdata.cpp - initcheck-const-initdata -----------------------===//
//
// checkpatch's INIT_ATTRIBUTE: a const object belongs in .init.rodata
// (__initconst). As soon as one file also has a writable __initdata object,
// GCC and clang both reject the pair as a "section type conflict"; the
// advice comes before that happens.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/ConstInitdata.h"
#include "checks/rules/InitDataConstness.h"

namespace initcheck {

void checkConstInitdata(const RuleInput &In, FindingSink &Out) {
  checkInitDataConstness(In, Out, InitDataRole::ConstInInitData);
}

} // namespace initcheck
