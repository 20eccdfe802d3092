//===- FactCollector.cpp - From a clang AST to TuFacts --------------------===//
//
// One RecursiveASTVisitor pass. Each evaluated use of a function or of an
// object with static storage becomes a Reference from the enclosing
// function, or from the object whose initializer holds it. Unevaluated
// operands (sizeof, typeof, _Static_assert, ...) are skipped: they leave no
// relocation behind. Bodies of uninstantiated templates are skipped too;
// their instantiations are visited instead.
//
// Internal-linkage definitions (static functions and objects, most of them
// inline helpers from headers) are traversed lazily, once something
// references them: one nothing references is never emitted, so it holds no
// reference that could matter, and skipping it keeps the pass cheap.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"
#include "clang/Lex/Preprocessor.h"

namespace initcheck {
namespace collect {

TuFacts Collector::run() {
  TraverseDecl(Ctx.getTranslationUnitDecl());
  drainReferenced();
  resolveAsm();
  resolveAliases();
  drainReferenced();
  extractInitcalls();
  if (PP)
    Facts.KernelWithoutModules = PP->isMacroDefined("__KERNEL__") &&
                                 !PP->isMacroDefined("CONFIG_MODULES");
  if (PP)
    for (StringRef Macro : annotationMacros())
      if (PP->isMacroDefined(Macro))
        Facts.DefinedAnnotationMacros.insert(Macro);
  return std::move(Facts);
}

bool Collector::TraverseDecl(Decl *D) {
  if (!D)
    return true;
  if (D->isInvalidDecl())
    return true;
  if (auto *DC = dyn_cast<DeclContext>(D); DC && DC->isDependentContext() &&
                                           !isa<TranslationUnitDecl>(D))
    return true;
  // Code from system headers cannot reference the program's init symbols;
  // skipping it keeps C++ user space fast.
  if (!isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation()))
    return true;
  if (D != Forced && isDeferrable(D)) {
    const Decl *Canon = D->getCanonicalDecl();
    if (!Referenced.count(Canon)) {
      PendingDefs[Canon] = D;
      if (D->hasAttr<SectionAttr>())
        symbolFor(D); // Annotated symbols matter to the advice rules.
      return true;
    }
  }
  std::optional<unsigned> Context;
  if (auto *FD = dyn_cast<FunctionDecl>(D)) {
    bool LambdaBody = false;
    if (auto *MD = dyn_cast<CXXMethodDecl>(FD))
      LambdaBody = MD->getParent()->isLambda();
    if (FD->doesThisDeclarationHaveABody() && !LambdaBody)
      Context = symbolFor(FD);
    else if (FD->hasAttr<SectionAttr>())
      symbolFor(FD); // Annotated declarations matter to the advice rules.
  } else if (auto *VD = dyn_cast<VarDecl>(D)) {
    if (VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD)) {
      if (VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly)
        Context = symbolFor(VD);
      else if (VD->hasAttr<SectionAttr>())
        symbolFor(VD);
    }
  } else if (auto *AD = dyn_cast<FileScopeAsmDecl>(D)) {
    AsmDecls.push_back(AD);
  }
  if (!Context)
    return Base::TraverseDecl(D);
  std::optional<unsigned> Saved = Current;
  Current = Context;
  bool Result = Base::TraverseDecl(D);
  Current = Saved;
  return Result;
}

const Expr *Collector::rootObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow() || isa<CXXMethodDecl>(ME->getMemberDecl()))
        return isa<VarDecl>(ME->getMemberDecl()) ? ME : nullptr;
      if (isa<VarDecl>(ME->getMemberDecl())) // static data member
        return ME;
      E = ME->getBase();
    } else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (isa<DeclRefExpr>(E)) {
      return E;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

void Collector::noteUse(ValueDecl *D, const Expr *E, SourceLocation Loc) {
  if (!Current)
    return;
  RefKind Kind;
  if (auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (FD->getBuiltinID() || FD->isDependentContext())
      return;
    Kind = Calls.count(E) ? RefKind::Call : RefKind::AddressOf;
  } else if (auto *VD = dyn_cast<VarDecl>(D)) {
    if (!VD->hasGlobalStorage() || VD->getDeclContext()->isDependentContext())
      return;
    Kind = AddressTaken.count(E) ? RefKind::AddressOf : RefKind::Access;
  } else {
    return;
  }
  addRef(symbolFor(D), Kind, Loc);
}

bool Collector::isDeferrable(const Decl *D) {
  const auto *ND = dyn_cast<NamedDecl>(D);
  if (!ND || !D->getDeclContext()->getRedeclContext()->isFileContext() ||
      ND->isExternallyVisible())
    return false;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isMain())
      return false;
  } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (!VD->hasGlobalStorage() ||
        VD->isThisDeclarationADefinition() == VarDecl::DeclarationOnly)
      return false;
  } else {
    return false;
  }
  // Kept by the compiler whether referenced or not.
  for (const Decl *R : D->redecls())
    if (R->hasAttr<UsedAttr>() || R->hasAttr<RetainAttr>() ||
        R->hasAttr<ConstructorAttr>() || R->hasAttr<DestructorAttr>() ||
        R->hasAttr<AliasAttr>())
      return false;
  return true;
}

void Collector::drainReferenced() {
  while (!Ready.empty()) {
    const Decl *D = Ready.back();
    Ready.pop_back();
    Forced = D;
    TraverseDecl(const_cast<Decl *>(D));
    Forced = nullptr;
  }
}

} // namespace collect

TuFacts collectFacts(clang::ASTContext &Ctx, clang::Preprocessor *PP,
                     const CollectOptions &Options) {
  return collect::Collector(Ctx, PP, Options).run();
}

} // namespace initcheck
