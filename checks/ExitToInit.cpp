//===- ExitToInit.cpp - initcheck-exit-to-init ----------------------------===//
//
// modpost's ANY_EXIT_TO_ANY_INIT. Exit code runs at module unload (or
// never, when built in); init memory was freed right after init, so an
// exit path that reaches init code or data uses freed memory.
//
//===----------------------------------------------------------------------===//
#include "checks/ExitToInit.h"
#include "checks/ModpostWhitelist.h"
#include "checks/SymbolDescription.h"

namespace initcheck {

void checkExitToInit(const RuleInput &In, FindingSink &Out) {
  const auto &Syms = In.Facts.Symbols;
  for (const Reference &R : In.Facts.Refs) {
    const Symbol &From = Syms[R.From], &To = Syms[R.To];
    if (To.Class != SectionClass::Init)
      continue;
    if (In.Options.ModpostCompat) {
      if (From.Class != SectionClass::Exit)
        continue;
    } else {
      unsigned Reach = In.Reach.reach(R.From);
      if (From.Class == SectionClass::Ref || (Reach & ReachResident) ||
          !(Reach & ReachExit))
        continue;
    }
    if (isModpostWhitelisted(From, To))
      continue;
    Finding F;
    F.RuleId = "initcheck-exit-to-init";
    F.Level = Severity::Error;
    F.Where = R.Loc;
    F.Message = describeSymbol(From) + " references " + describeSymbol(To) +
                ": " + To.Section + " is freed before exit code runs";
    if (!In.Options.ModpostCompat)
      explainReach(In, R.From, ReachExit, F.Notes);
    F.Notes.push_back(annotationNote(To));
    Out.report(F);
  }
}

} // namespace initcheck
