//===- InitToExit.cpp - initcheck-init-to-exit ----------------------------===//
//
// modpost's ANY_INIT_TO_ANY_EXIT. When a driver is built in, .exit.text is
// discarded at link time (or freed with init memory on x86 and arm64), so
// init code must not call it or take its address. Clang usually inlines a
// static __exit callee into an __init caller, which hides this from modpost;
// the source check does not depend on inlining.
//
//===----------------------------------------------------------------------===//
#include "checks/InitToExit.h"
#include "checks/ModpostWhitelist.h"
#include "checks/SymbolDescription.h"

namespace initcheck {

void checkInitToExit(const RuleInput &In, FindingSink &Out) {
  const auto &Syms = In.Facts.Symbols;
  for (const Reference &R : In.Facts.Refs) {
    const Symbol &From = Syms[R.From], &To = Syms[R.To];
    if (To.Class != SectionClass::Exit)
      continue;
    if (In.Options.ModpostCompat) {
      if (From.Class != SectionClass::Init)
        continue;
    } else {
      unsigned Reach = In.Reach.reach(R.From);
      // Resident users are initcheck-section-mismatch's; __ref vouches.
      if (From.Class == SectionClass::Ref || (Reach & ReachResident) ||
          !(Reach & ReachInit))
        continue;
    }
    if (isModpostWhitelisted(From, To))
      continue;
    Finding F;
    F.RuleId = "initcheck-init-to-exit";
    F.Level = Severity::Error;
    F.Where = R.Loc;
    F.Message = describeSymbol(From) + " references " + describeSymbol(To) +
                ": " + lifetimeOf(To);
    if (!In.Options.ModpostCompat)
      explainReach(In, R.From, ReachInit, F.Notes);
    F.Notes.push_back(annotationNote(To));
    Out.report(F);
  }
}

} // namespace initcheck
