//===- AnnotationMismatch.cpp - initcheck-annotation-mismatch -------------===//
//
// Clang and GCC merge a section attribute across redeclarations, so
//   int __init setup(void);   ...   int setup(void) { ... }
// defines setup() in .init.text although its definition looks resident.
// Two declarations that name different sections are worse: readers and
// other translation units see one, the object file gets the other.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/AnnotationMismatch.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

static std::string spell(llvm::StringRef Section, bool IsFunction) {
  llvm::StringRef Macro = canonicalAnnotation(Section, IsFunction);
  return Macro.empty() ? "section '" + Section.str() + "'" : Macro.str();
}

void checkAnnotationMismatch(const RuleInput &In, FindingSink &Out) {
  for (const Symbol &S : In.Facts.Symbols) {
    if (S.InSystemHeader || !S.Defined)
      continue;
    bool IsFunction = S.Kind == SymbolKind::Function;
    std::string Effective = spell(S.Section, IsFunction);
    if (S.DefinitionInherits) {
      Finding F;
      F.Where = S.Loc;
      F.Message = "definition of '" + S.Name + "' has no annotation but a "
                  "previous declaration makes it " + Effective +
                  ": repeat the annotation on the definition";
      F.Notes.push_back({S.InheritedFromLoc,
                         "'" + S.Name + "' declared " + Effective + " here"});
      if (auto Fix = annotateFixIt(In.Facts, S,
                                   canonicalAnnotation(S.Section, IsFunction)))
        F.FixIts.push_back(*Fix);
      Out.report(F);
    }
    if (S.HasConflictingDecl) {
      Finding F;
      F.Where = S.ConflictingDeclLoc;
      F.Message = "declaration of '" + S.Name + "' is " +
                  spell(S.ConflictingDeclSection, IsFunction) +
                  " but its definition is " + Effective;
      F.Notes.push_back({S.Loc, "definition of '" + S.Name + "' is here"});
      Out.report(F);
    }
  }
}

} // namespace initcheck
