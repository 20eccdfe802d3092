//===- PhaseCrossing.cpp - Init code using exit memory, and back ----------===//
#include "checks/rules/PhaseCrossing.h"
#include "checks/analysis/ModpostWhitelist.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

void checkPhaseCrossing(const RuleInput &In, FindingSink &Out,
                        const PhaseCrossing &P) {
  const auto &Syms = In.Facts.Symbols;
  for (const Reference &R : In.Facts.Refs) {
    const Symbol &From = Syms[R.From], &To = Syms[R.To];
    if (In.Options.ModpostCompat) {
      // modpost: only from .init.* (or .exit.*), no tables, no call graph;
      // .text.startup and .text.exit are text to it.
      if (modpostClass(To.Class, To.Section) != P.TargetClass ||
          modpostClass(From.Class, From.Section) != P.UserSection)
        continue;
    } else if (To.Class != P.TargetClass) {
      continue;
    } else {
      unsigned Reach = In.Reach.reach(R.From);
      // Resident users are initcheck-section-mismatch's; __ref vouches.
      if (From.Class == SectionClass::Ref || (Reach & ReachResident) ||
          !(Reach & P.UserPhase))
        continue;
    }
    if (isModpostWhitelisted(From, To, In.Options.ExtraWhitelist))
      continue;
    Out.report(referenceFinding(In, R, P.Why(To), P.UserPhase));
  }
}

} // namespace initcheck
