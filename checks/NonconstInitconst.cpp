//===- NonconstInitconst.cpp - initcheck-nonconst-initconst ---------------===//
//
// checkpatch's "Use of __initconst requires a separate use of const": a
// writable object in .init.rodata ends up in a read-only section on most
// architectures and, with GCC, conflicts with the const objects there.
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
    if (S.AnnotationSpelling == "__initconst" && In.Facts.HasInitdataMacro)
      F.FixIts.push_back({S.AnnotationRange, "__initdata"});
    Out.report(F);
  }
}

} // namespace initcheck
