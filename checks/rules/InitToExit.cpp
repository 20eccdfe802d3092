//===- InitToExit.cpp - initcheck-init-to-exit ----------------------------===//
//
// modpost's ANY_INIT_TO_ANY_EXIT. When a driver is built in, .exit.text is
// discarded at link time (or freed with init memory on x86 and arm64), so
// init code must not call it or take its address. Clang usually inlines a
// static __exit callee into an __init caller, which hides this from modpost;
// the source check does not depend on inlining.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/InitToExit.h"
#include "checks/rules/PhaseCrossing.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

void checkInitToExit(const RuleInput &In, FindingSink &Out) {
  checkPhaseCrossing(In, Out,
                     {ReachInit, SectionClass::Init,
                      SectionClass::Exit, lifetimeOf});
}

} // namespace initcheck
