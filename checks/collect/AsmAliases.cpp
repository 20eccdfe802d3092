//===- AsmAliases.cpp - References in file-scope asm, and aliases ---------===//
//
// Initcall and export entries written in asm (x86_64, arm64) name their
// function by symbol; aliases (init_module) run their target.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"
#include "checks/collect/AsmSections.h"
#include "llvm/ADT/StringExtras.h"

namespace initcheck {
namespace collect {

std::optional<unsigned> Collector::lookupByName(StringRef Name) {
  if (Name.empty())
    return std::nullopt;
  DeclarationName DN(&Ctx.Idents.get(Name));
  for (NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(DN))
    if (isa<FunctionDecl>(ND) || isa<VarDecl>(ND))
      if (!ND->isInvalidDecl())
        return symbolFor(ND);
  return std::nullopt;
}

void Collector::resolveAsm() {
  for (const FileScopeAsmDecl *AD : AsmDecls) {
    const clang::StringLiteral *Str = AD->getAsmString();
    if (!Str || !Str->isOrdinary())
      continue;
    for (const AsmDataBlock &B : parseAsmDataBlocks(Str->getString(), ".text")) {
      Symbol S;
      S.Kind = SymbolKind::AsmEntry;
      S.Name = B.Label.empty() ? "<asm>" : B.Label;
      S.Identifier = S.Name;
      S.Section = B.Section;
      S.Class = classifySection(S.Section, Extra);
      S.ExplicitSection = true;
      S.Defined = true;
      S.Loc = at(AD->getAsmLoc());
      S.AnnotationLoc = S.Loc;
      if (S.Class == SectionClass::Unchecked)
        continue;
      unsigned From = Facts.Symbols.size();
      Facts.Symbols.push_back(std::move(S));
      SymbolDecls.push_back(nullptr);
      for (const std::string &Name : B.Symbols)
        if (std::optional<unsigned> To = lookupByName(Name)) {
          std::optional<unsigned> Saved = Current;
          Current = From;
          addRef(*To, RefKind::AddressOf, AD->getAsmLoc());
          Current = Saved;
        }
    }
  }
}

void Collector::resolveAliases() {
  // Collect first: lookupByName may add symbols and grow Index.
  std::vector<std::pair<unsigned, const Decl *>> Aliases;
  for (auto &[D, Idx] : Index)
    for (const Decl *R : D->redecls())
      if (R->hasAttr<AliasAttr>()) {
        Aliases.push_back({Idx, R});
        break;
      }
  for (auto &[Idx, D] : Aliases) {
    const AliasAttr *A = D->getAttr<AliasAttr>();
    std::optional<unsigned> Target = lookupByName(A->getAliasee());
    if (!Target || *Target == Idx)
      continue;
    Symbol &Alias = Facts.Symbols[Idx];
    const Symbol &T = Facts.Symbols[*Target];
    Alias.Section = T.Section;
    Alias.ExplicitSection = T.ExplicitSection;
    Alias.AnnotationLoc = T.AnnotationLoc;
    Alias.Defined = true;
    if (Alias.Identifier == "init_module" ||
        Alias.Identifier == "cleanup_module") {
      Alias.Class = Alias.Identifier == "init_module" ? SectionClass::InitTable
                                                      : SectionClass::ExitTable;
      std::optional<unsigned> Saved = Current;
      Current = Idx;
      addRef(*Target, RefKind::Call, D->getLocation());
      Current = Saved;
    } else {
      Alias.Class = T.Class;
      Facts.Symbols[*Target].Retained = true;
      markReferenced(*Target);
    }
  }
}

} // namespace collect
} // namespace initcheck
