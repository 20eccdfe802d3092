//===- SymbolNames.cpp - What a declaration becomes as a Symbol -----------===//
//
// Its names (for messages, for modpost's patterns, for the linker), its
// effective section and class, and where its annotation is or could go.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

std::string Collector::displayName(const NamedDecl *D) {
  if (!LO.CPlusPlus)
    return D->getIdentifier() ? D->getName().str() : D->getNameAsString();
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  const DeclContext *DC = D->getDeclContext();
  bool Qualified = DC->isRecord() || (DC->isNamespace() && !DC->isInlineNamespace());
  D->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), Qualified);
  return Out;
}

std::string Collector::linkName(const NamedDecl *D) {
  if (const auto *A = D->getAttr<AsmLabelAttr>())
    return A->getLabel().str();
  if (!LO.CPlusPlus)
    return D->getIdentifier() ? D->getName().str() : "";
  if (!Mangler)
    Mangler = std::make_unique<ASTNameGenerator>(Ctx);
  return Mangler->getName(D);
}

const SectionAttr *Collector::ownSection(const Decl *D) {
  for (const auto *A : D->specific_attrs<SectionAttr>())
    if (!A->isInherited())
      return A;
  return nullptr;
}

void Collector::describe(const NamedDecl *Canon, Symbol &S) {
  const auto *FD = dyn_cast<FunctionDecl>(Canon);
  const auto *VD = dyn_cast<VarDecl>(Canon);
  const Decl *Def = Canon;
  if (FD) {
    if (const FunctionDecl *D = FD->getDefinition())
      Def = D;
    S.Defined = FD->isDefined();
  } else if (VD) {
    if (const VarDecl *D = actingDefinition(VD))
      Def = D;
    S.Defined = Def != Canon || VD->isThisDeclarationADefinition() !=
                                    VarDecl::DeclarationOnly;
  }
  const auto *DefND = cast<NamedDecl>(Def);
  S.Kind = FD ? SymbolKind::Function : SymbolKind::Variable;
  S.Name = displayName(DefND);
  S.Identifier = DefND->getIdentifier() ? DefND->getName().str() : S.Name;
  S.Loc = at(DefND->getLocation());
  S.InternalLinkage = !DefND->isExternallyVisible();
  bool Lambda = false;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
      MD && MD->getParent()->isLambda()) {
    // A closure's operator() runs only when its users call it, and is
    // implicitly inline: a helper, judged by the call graph.
    Lambda = true;
    S.Name = S.Identifier = lambdaName(MD);
    S.InternalLinkage = true;
  }
  if (!S.InternalLinkage)
    S.LinkName = linkName(DefND);
  if (FD) {
    S.Inline = FD->isInlineSpecified() || Lambda;
    bool NoParams = FD->getNumParams() == 0 && !FD->isVariadic();
    QualType Ret = FD->getReturnType();
    S.IsIntVoid = NoParams && Ret->isSpecificBuiltinType(BuiltinType::Int);
    S.IsVoidVoid = NoParams && Ret->isVoidType();
  }
  S.InSystemHeader = SM.isInSystemHeader(DefND->getLocation());
  if (VD)
    S.IsConst = VD->getType().isConstant(Ctx);

  for (const Decl *R : Canon->redecls()) {
    if (R->hasAttr<UsedAttr>() || R->hasAttr<RetainAttr>() ||
        R->hasAttr<ConstructorAttr>() || R->hasAttr<DestructorAttr>() ||
        R->hasAttr<AliasAttr>())
      S.Retained = true;
    if (R->hasAttr<AlwaysInlineAttr>())
      S.AlwaysInline = true;
    if (R->hasAttr<WeakAttr>())
      S.Weak = true;
  }
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    if (MD->isVirtual() || isa<CXXDestructorDecl>(MD))
      S.Retained = true;
  if (FD && FD->isMain())
    S.Retained = true;

  // The effective section: the definition's attribute (own or inherited
  // by clang's redeclaration merging), else any declaration's.
  const SectionAttr *Eff = Def->getAttr<SectionAttr>();
  const Decl *Carrier = nullptr;
  for (const Decl *R : Canon->redecls())
    if (const SectionAttr *Own = ownSection(R)) {
      if (!Eff)
        Eff = Own;
      if (!Carrier || R == Def)
        Carrier = R;
    }
  if (Eff) {
    S.Section = Eff->getName().str();
    S.ExplicitSection = true;
    if (Carrier) {
      S.AnnotationLoc = at(Carrier->getLocation());
      noteAnnotationSpelling(ownSection(Carrier), S);
      S.InitOrModule = writtenInitOrModule(ownSection(Carrier));
    }
    findConflicts(Canon, Def, S);
  } else if (const std::string P = pragmaSection(Def); !P.empty()) {
    S.Section = P;
    S.ExplicitSection = true;
    S.AnnotationLoc = S.Loc;
  } else {
    S.Section = defaultSection(FD, VD, S);
  }
  S.Class = classifySection(S.Section, Extra, Facts.DataSections);
  noteInsertion(Def, S);
}

const VarDecl *Collector::actingDefinition(const VarDecl *VD) {
  if (const VarDecl *D = VD->getDefinition())
    return D;
  for (const VarDecl *R : VD->redecls())
    if (R->isThisDeclarationADefinition() == VarDecl::TentativeDefinition)
      return R->getActingDefinition();
  return nullptr;
}

std::string Collector::defaultSection(const FunctionDecl *FD, const VarDecl *VD,
                                      const Symbol &S) {
  if (FD)
    return ".text";
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return ".tdata";
  if (S.IsConst)
    return ".rodata";
  return Facts.DataSections ? ".data." + S.Name : ".data";
}

std::string Collector::pragmaSection(const Decl *D) {
  if (isa<FunctionDecl>(D)) {
    if (auto *A = D->getAttr<PragmaClangTextSectionAttr>())
      return A->getName().str();
    return "";
  }
  const auto *VD = cast<VarDecl>(D);
  if (VD->getType().isConstQualified())
    if (auto *A = D->getAttr<PragmaClangRodataSectionAttr>())
      return A->getName().str();
  if (!VD->hasInit())
    if (auto *A = D->getAttr<PragmaClangBSSSectionAttr>())
      return A->getName().str();
  if (auto *A = D->getAttr<PragmaClangDataSectionAttr>())
    return A->getName().str();
  return "";
}

void Collector::noteAnnotationSpelling(const SectionAttr *A, Symbol &S) {
  if (!A)
    return;
  SourceLocation L = A->getLocation();
  if (!L.isMacroID())
    return;
  CharSourceRange R = SM.getExpansionRange(L);
  if (R.getBegin().isMacroID() || !SM.isWrittenInSameFile(R.getBegin(), R.getEnd()))
    return;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(R, SM, LO, &Invalid);
  if (Invalid || Text.empty() || !llvm::all_of(Text, [](char C) {
        return isAlnum(C) || C == '_';
      }))
    return;
  S.AnnotationSpelling = Text.str();
  // A character range: a one-token range has begin == end, which would
  // read as an insertion.
  S.AnnotationRange = CharSourceRange::getCharRange(
      R.getBegin(), Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, LO));
}

bool Collector::writtenInitOrModule(const SectionAttr *A) const {
  if (!A)
    return false;
  for (SourceLocation L = A->getLocation(); L.isMacroID();
       L = SM.getImmediateMacroCallerLoc(L)) {
    StringRef Name = Lexer::getImmediateMacroName(L, SM, LO);
    if (Name == "__init_or_module" || Name == "__initdata_or_module" ||
        Name == "__initconst_or_module")
      return true;
  }
  return false;
}

void Collector::findConflicts(const NamedDecl *Canon, const Decl *Def,
                              Symbol &S) {
  // An alias has no section of its own: it is wherever its target is.
  if (!S.Defined || llvm::any_of(Canon->redecls(), [](const Decl *R) {
        return R->hasAttr<AliasAttr>();
      }))
    return;
  const SectionAttr *DefOwn = ownSection(Def);
  for (const Decl *R : Canon->redecls()) {
    if (R == Def)
      continue;
    const SectionAttr *Own = ownSection(R);
    if (!Own)
      continue;
    if (Own->getName() != S.Section) {
      if (!S.HasConflictingDecl) {
        S.HasConflictingDecl = true;
        S.ConflictingDeclLoc = at(R->getLocation());
        S.ConflictingDeclSection = Own->getName().str();
      }
    } else if (!DefOwn && !Canon->getDeclContext()->isRecord()) {
      // Class members are annotated on their in-class declaration: the
      // C++ idiom, not a hidden annotation.
      S.DefinitionInherits = true;
      S.InheritedFromLoc = at(R->getLocation());
    }
  }
}

void Collector::noteInsertion(const Decl *Def, Symbol &S) {
  if (S.InSystemHeader)
    return;
  if (const auto *FD = dyn_cast<FunctionDecl>(Def)) {
    SourceLocation L = FD->getLocation();
    // A lambda takes its annotation after the parameters (`[]() __init
    // {...}`), not before its name: no fix-it.
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (L.isFileID() && !FD->getQualifier() &&
        !isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(FD) &&
        !(MD && MD->getParent()->isLambda()))
      S.AnnotateInsertLoc = L;
    return;
  }
  const auto *VD = cast<VarDecl>(Def);
  if (!VD->getTypeSourceInfo() || VD->getQualifier())
    return;
  // GNU attributes may follow the whole declarator, for any declarator
  // shape: `int x __initdata`, `int a[2] __initdata`,
  // `int (*const fns[])(void) __initconst`. The declarator ends with the
  // name or with the last token of the written type, whichever is later.
  SourceLocation After = VD->getLocation();
  SourceLocation TypeEnd = VD->getTypeSourceInfo()->getTypeLoc().getEndLoc();
  if (TypeEnd.isValid() && SM.isBeforeInTranslationUnit(After, TypeEnd))
    After = TypeEnd;
  if (After.isMacroID())
    return;
  S.AnnotateInsertLoc = Lexer::getLocForEndOfToken(After, 0, SM, LO);
  S.AnnotateAfterName = S.AnnotateInsertLoc.isValid();
}

} // namespace collect
} // namespace initcheck
