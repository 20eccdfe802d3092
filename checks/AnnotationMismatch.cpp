//===- AnnotationMismatch.cpp - initcheck-annotation-mismatch -------------===//
//
// Clang and GCC merge a section attribute across redeclarations, so
//   int __init setup(void);   ...   int setup(void) { ... }
// defines setup() in .init.text although its definition looks resident.
// Two declarations that name different sections are worse: readers and
// other translation units see one, the object file gets the other.
//
//===----------------------------------------------------------------------===//
#include "checks/AnnotationMismatch.h"
#include "checks/SymbolDescription.h"

namespace initcheck {

static std::string spell(llvm::StringRef Section, bool IsFunction) {
  llvm::StringRef Macro = canonicalAnnotation(Section, IsFunction);
  return Macro.empty() ? "section '" + Section.str() + "'" : Macro.str();
}

void checkAnnotationMismatch(const RuleInput &In, FindingSink &Out) {
  for (const Symbol &S : In.Facts.Symbols) {
    if (!S.HasConflictingDecl || S.InSystemHeader)
      continue;
    bool IsFunction = S.Kind == SymbolKind::Function;
    std::string Decl = spell(S.ConflictingDeclSection, IsFunction);
    Finding F;
    F.RuleId = "initcheck-annotation-mismatch";
    F.Level = Severity::Warning;
    FindingNote N;
    if (S.DefinitionInherits) {
      F.Where = S.Loc;
      F.Message = "definition of '" + S.Name + "' has no annotation but a "
                  "previous declaration makes it " + Decl +
                  ": repeat the annotation on the definition";
      N.Where = S.ConflictingDeclLoc;
      N.Message = "'" + S.Name + "' declared " + Decl + " here";
      if (auto Fix = annotateFixIt(In.Facts, S,
                                   canonicalAnnotation(S.Section, IsFunction)))
        F.FixIts.push_back(*Fix);
    } else {
      F.Where = S.ConflictingDeclLoc;
      F.Message = "declaration of '" + S.Name + "' is " + Decl +
                  " but its definition is " + spell(S.Section, IsFunction);
      N.Where = S.AnnotationLoc.Loc.isValid() ? S.AnnotationLoc : S.Loc;
      N.Message = "definition of '" + S.Name + "' is here";
    }
    F.Notes.push_back(std::move(N));
    Out.report(F);
  }
}

} // namespace initcheck
