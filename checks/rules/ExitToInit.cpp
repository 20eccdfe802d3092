//===- ExitToInit.cpp - initcheck-exit-to-init ----------------------------===//
//
// modpost's ANY_EXIT_TO_ANY_INIT. Exit code runs at module unload (or
// never, when built in); init memory was freed right after init, so an
// exit path that reaches init code or data uses freed memory.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/ExitToInit.h"
#include "checks/rules/PhaseCrossing.h"

namespace initcheck {

static std::string freedBeforeExit(const Symbol &Target) {
  return Target.Section + " is freed before exit code runs";
}

void checkExitToInit(const RuleInput &In, FindingSink &Out) {
  checkPhaseCrossing(In, Out,
                     {ReachExit, SectionClass::Exit,
                      SectionClass::Init, freedBeforeExit});
}

} // namespace initcheck
