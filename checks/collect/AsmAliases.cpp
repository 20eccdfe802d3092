//===- AsmAliases.cpp - References in file-scope asm, and aliases ---------===//
//
// Initcall and export entries written in asm (x86_64, arm64) name their
// function by symbol; aliases (init_module) run their target.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

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
  if (!LO.CPlusPlus)
    return std::nullopt;
  // C++ code names symbols by their mangled names (`alias("_ZL3foov")`).
  if (!MangledNames)
    indexMangledNames();
  auto It = MangledNames->find(Name);
  if (It == MangledNames->end())
    return std::nullopt;
  return symbolFor(It->second);
}

std::optional<unsigned> Collector::lookupAnnotatedByName(StringRef Name) {
  if (Name.empty() || !isSymbolName(Name))
    return std::nullopt;
  // Most words of a template (mnemonics, registers) name nothing: look
  // them up without adding them to the identifier table.
  auto Ident = Ctx.Idents.find(Name);
  if (Ident == Ctx.Idents.end())
    return std::nullopt;
  DeclarationName DN(Ident->getValue());
  for (NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(DN)) {
    if (!isa<FunctionDecl, VarDecl>(ND) || ND->isInvalidDecl())
      continue;
    bool Annotated = llvm::any_of(
        ND->redecls(), [](const Decl *R) { return R->hasAttr<SectionAttr>(); });
    bool Elsewhere = false;
    if (const auto *FD = dyn_cast<FunctionDecl>(ND))
      Elsewhere = !FD->isDefined();
    else
      Elsewhere = !cast<VarDecl>(ND)->hasDefinition();
    if (Annotated || (Elsewhere && ND->isExternallyVisible()))
      return symbolFor(ND);
  }
  return std::nullopt;
}

void Collector::indexMangledNames() {
  MangledNames.emplace();
  SmallVector<const DeclContext *, 16> Work{Ctx.getTranslationUnitDecl()};
  while (!Work.empty()) {
    const DeclContext *DC = Work.pop_back_val();
    for (const Decl *D : DC->decls()) {
      if (D->isInvalidDecl() || SM.isInSystemHeader(D->getLocation()))
        continue;
      if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
        Work.push_back(cast<DeclContext>(D));
        continue;
      }
      const auto *ND = dyn_cast<NamedDecl>(D);
      if (!ND || !isa<FunctionDecl, VarDecl>(ND) ||
          ND->getDeclContext()->isDependentContext() ||
          (isa<FunctionDecl>(ND) &&
           cast<FunctionDecl>(ND)->isDependentContext()))
        continue;
      if (!Mangler)
        Mangler = std::make_unique<ASTNameGenerator>(Ctx);
      MangledNames->try_emplace(Mangler->getName(ND), ND);
    }
  }
}

bool Collector::isSymbolName(StringRef Name) {
  return llvm::all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
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
      S.Class = classifySection(S.Section, Extra, Facts.DataSections);
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

std::optional<Collector::Aliasee> Collector::aliasee(const Decl *D) {
  for (const Decl *R : D->redecls()) {
    if (const auto *A = R->getAttr<AliasAttr>())
      return Aliasee{A->getAliasee(), false, R};
    if (const auto *A = R->getAttr<IFuncAttr>())
      return Aliasee{A->getResolver(), true, R};
  }
  return std::nullopt;
}

std::optional<unsigned> Collector::finalAliasTarget(StringRef Name) {
  std::optional<unsigned> Target = lookupByName(Name);
  for (unsigned Hops = 0; Target && Hops != 64; ++Hops) {
    const Decl *D = SymbolDecls[*Target];
    std::optional<Aliasee> Next = D ? aliasee(D) : std::nullopt;
    if (!Next || Next->IFunc)
      return Target;
    std::optional<unsigned> After = lookupByName(Next->Name);
    if (!After || *After == *Target)
      return Target;
    Target = After;
  }
  return Target;
}

void Collector::resolveAliases() {
  // Collect first: lookupByName may add symbols and grow Index.
  std::vector<std::pair<unsigned, const Decl *>> Aliases;
  for (auto &[D, Idx] : Index)
    if (aliasee(D))
      Aliases.push_back({Idx, D});
  llvm::sort(Aliases, [](const auto &A, const auto &B) {
    return A.first < B.first; // Index is a hash map: keep the file's order.
  });
  for (auto &[Idx, D] : Aliases) {
    Aliasee A = *aliasee(D);
    std::optional<unsigned> Target = finalAliasTarget(A.Name);
    if (!Target || *Target == Idx)
      continue;
    Symbol &Alias = Facts.Symbols[Idx];
    const Symbol &T = Facts.Symbols[*Target];
    Alias.Section = T.Section;
    Alias.ExplicitSection = T.ExplicitSection;
    Alias.AnnotationLoc = T.AnnotationLoc;
    Alias.InitOrModule = T.InitOrModule;
    Alias.Defined = true;
    if (Alias.Identifier == "init_module" ||
        Alias.Identifier == "cleanup_module") {
      Alias.Class = Alias.Identifier == "init_module" ? SectionClass::InitTable
                                                      : SectionClass::ExitTable;
      std::optional<unsigned> Saved = Current;
      Current = Idx;
      addRef(*Target, RefKind::Call, A.Carrier->getLocation());
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
