//===- NonconstInitconst.cpp - initcheck-nonconst-initconst ---------------===//
//
// checkpatch's "Use of __initconst requires a separate use of const": the
// object's type says writable while its section says read-only data, and it
// conflicts with the const objects there ("section type conflict").
//
//===----------------------------------------------------------------------===//
#include "checks/rules/NonconstInitconst.h"
#include "checks/rules/InitDataConstness.h"

namespace initcheck {

void checkNonconstInitconst(const RuleInput &In, FindingSink &Out) {
  checkInitDataConstness(In, Out, InitDataRole::WritableInInitConst);
}

} // namespace initcheck
