//===- ConstInitdata.cpp - initcheck-const-initdata -----------------------===//
//
// checkpatch's INIT_ATTRIBUTE: a const object belongs in .init.rodata
// (__initconst). Mixing const and writable objects in .init.data is a
// "section type conflict" error with GCC, so code that builds with clang can
// break the GCC build.
//
//===----------------------------------------------------------------------===//
#include "checks/ConstInitdata.h"

namespace initcheck {

void checkConstInitdata(const RuleInput &In, FindingSink &Out) {
  for (const Symbol &S : In.Facts.Symbols) {
    if (S.Kind != SymbolKind::Variable || !S.Defined || !S.IsConst ||
        S.Section != ".init.data" || S.InSystemHeader)
      continue;
    Finding F;
    F.RuleId = "initcheck-const-initdata";
    F.Level = Severity::Warning;
    F.Where = S.AnnotationLoc.Loc.isValid() ? S.AnnotationLoc : S.Loc;
    F.Message = "const variable '" + S.Name +
                "' is placed in .init.data: use __initconst (GCC reports a "
                "section type conflict)";
    if (S.AnnotationSpelling == "__initdata" && In.Facts.HasInitconstMacro)
      F.FixIts.push_back({S.AnnotationRange, "__initconst"});
    Out.report(F);
  }
}

} // namespace initcheck
