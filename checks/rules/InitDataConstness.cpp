//===- InitDataConstness.cpp - const vs. the init data sections -----------===//
#include "checks/rules/InitDataConstness.h"

namespace initcheck {

void checkInitDataConstness(const RuleInput &In, FindingSink &Out,
                            const InitDataConstness &C) {
  for (const Symbol &S : In.Facts.Symbols) {
    if (S.Kind != SymbolKind::Variable || !S.Defined ||
        S.IsConst != C.ConstObjects || S.Section != C.Section ||
        S.InSystemHeader)
      continue;
    Finding F;
    F.Where = S.AnnotationLoc.Loc.isValid() ? S.AnnotationLoc : S.Loc;
    F.Message = (C.ConstObjects ? "const variable '" : "variable '") + S.Name +
                "' " + C.Advice.str();
    // Only a macro written as one token can be renamed safely.
    if (S.AnnotationSpelling == C.Written &&
        In.Facts.DefinedAnnotationMacros.contains(C.Replacement))
      F.FixIts.push_back({S.AnnotationRange, C.Replacement.str()});
    Out.report(F);
  }
}

} // namespace initcheck
