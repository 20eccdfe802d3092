//===- InitDataConstness.cpp - const vs. the init data sections -----------===//
#include "checks/rules/InitDataConstness.h"

namespace initcheck {

namespace {
struct InitDataConstness {
  llvm::StringRef Section;     ///< ".init.data" or ".init.rodata".
  bool ConstObjects;           ///< Report const (true) or writable objects.
  llvm::StringRef Written;     ///< The macro to replace, "__initdata".
  llvm::StringRef Replacement; ///< The macro that fits, "__initconst".
  llvm::StringRef Advice;      ///< The message after "variable 'x' ...".
};

/// By InitDataRole.
const InitDataConstness Roles[] = {
    // checkpatch's INIT_ATTRIBUTE: a const object belongs in .init.rodata.
    {".init.data", /*ConstObjects=*/true, "__initdata", "__initconst",
     "is placed in .init.data: use __initconst (const and writable objects "
     "in one section are a section type conflict)"},
    // checkpatch's "Use of __initconst requires a separate use of const".
    {".init.rodata", /*ConstObjects=*/false, "__initconst", "__initdata",
     "is not const but is placed in .init.rodata: make it const or use "
     "__initdata"},
};
} // namespace

void checkInitDataConstness(const RuleInput &In, FindingSink &Out,
                            InitDataRole Role) {
  const InitDataConstness &C = Roles[unsigned(Role)];
  for (const Symbol &S : In.Facts.Symbols) {
    if (S.Kind != SymbolKind::Variable || !S.Defined ||
        S.IsConst != C.ConstObjects || S.Section != C.Section ||
        S.InSystemHeader)
      continue;
    Finding F;
    F.Where = S.annotationPlace();
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
