//===- ConstInitdata.cpp - initcheck-const-initdata -----------------------===//
//
// checkpatch's INIT_ATTRIBUTE: a const object belongs in .init.rodata
// (__initconst). As soon as one file also has a writable __initdata object,
// GCC and clang both reject the pair as a "section type conflict"; the
// advice comes before that happens.
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
                "' is placed in .init.data: use __initconst (const and writable "
                "objects in one section are a section type conflict)";
    if (S.AnnotationSpelling == "__initdata" && In.Facts.DefinedAnnotationMacros.contains("__initconst"))
      F.FixIts.push_back({S.AnnotationRange, "__initconst"});
    Out.report(F);
  }
}

} // namespace initcheck
