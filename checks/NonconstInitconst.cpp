//===- NonconstInitconst.cpp - initcheck-nonconst-initconst ---------------===//
//
// checkpatch's "Use of __initconst requires a separate use of const": the
// object's type says writable while its section says read-only data, and it
// conflicts with the const objects there ("section type conflict").
//
//===----------------------------------------------------------------------===//
#include "checks/NonconstInitconst.h"

namespace initcheck {

void checkNonconstInitconst(const RuleInput &In, FindingSink &Out) {
  for (const Symbol &S : In.Facts.Symbols) {
    if (S.Kind != SymbolKind::Variable || !S.Defined || S.IsConst ||
        S.Section != ".init.rodata" || S.InSystemHeader)
      continue;
    Finding F;
    F.RuleId = "initcheck-nonconst-initconst";
    F.Level = Severity::Warning;
    F.Where = S.AnnotationLoc.Loc.isValid() ? S.AnnotationLoc : S.Loc;
    F.Message = "variable '" + S.Name +
                "' is not const but is placed in .init.rodata: make it const "
                "or use __initdata";
    if (S.AnnotationSpelling == "__initconst" && In.Facts.DefinedAnnotationMacros.contains("__initdata"))
      F.FixIts.push_back({S.AnnotationRange, "__initdata"});
    Out.report(F);
  }
}

} // namespace initcheck
