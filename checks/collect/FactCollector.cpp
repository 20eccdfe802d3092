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
#include "checks/collect/Suppressions.h"
#include "clang/Basic/Stack.h"
#include "llvm/Support/thread.h"

namespace initcheck {
namespace collect {

TuFacts Collector::run() {
  TraverseDecl(Ctx.getTranslationUnitDecl());
  drainReferenced();
  resolveVTables();
  drainReferenced();
  resolveAsm();
  resolveAliases();
  drainReferenced();
  extractInitcalls();
  Flows.finish(SM);
  Facts.HasAllFlows = true;
  if (PP) {
    Facts.LinuxKernel = PP->isMacroDefined("__KERNEL__");
    Facts.KernelWithoutModules =
        Facts.LinuxKernel && !PP->isMacroDefined("CONFIG_MODULES");
  }
  if (PP)
    for (StringRef Macro : annotationMacros())
      if (PP->isMacroDefined(Macro))
        Facts.DefinedAnnotationMacros.insert(Macro);
  if (PP)
    for (StringRef Macro :
         {"__init_or_module", "__initdata_or_module", "__initconst_or_module"})
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
    if (FD->doesThisDeclarationHaveABody())
      Context = symbolFor(FD);
    else if (FD->hasAttr<SectionAttr>() || FD->hasDefiningAttr())
      // Annotated declarations matter to the advice rules; an alias or
      // ifunc defines a symbol and keeps its target (resolveAliases).
      symbolFor(FD);
  } else if (auto *VD = dyn_cast<VarDecl>(D)) {
    noteScopeExit(VD);
    // `auto l = [..] {..};`: the uses of l decide, not its creation.
    if (VD->hasLocalStorage() && VD->getInit())
      if (auto *LE = dyn_cast<LambdaExpr>(VD->getInit()->IgnoreImplicit()))
        CalledClosures.insert(LE);
    if (VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD)) {
      if (VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly)
        Context = symbolFor(VD);
      else if (VD->hasAttr<SectionAttr>())
        symbolFor(VD);
    }
  } else if (auto *AD = dyn_cast<FileScopeAsmDecl>(D)) {
    AsmDecls.push_back(AD);
  } else if (auto *OMD = dyn_cast<ObjCMethodDecl>(D)) {
    if (OMD->hasBody())
      Context = objcMethodSymbol(OMD);
  } else if (auto *BD = dyn_cast<BlockDecl>(D)) {
    Context = blockSymbol(BD);
  }
  if (!Context)
    return Base::TraverseDecl(D);
  std::optional<unsigned> Saved = Current;
  Current = Context;
  if (auto *MD = dyn_cast<CXXMethodDecl>(D))
    noteImplicitMemberCalls(MD);
  bool Body = !isa<VarDecl>(D);
  if (Body)
    Flows.begin(*Context, D);
  bool Result = Base::TraverseDecl(D);
  if (Body)
    Flows.end();
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
  unsigned Sym = symbolFor(D);
  addRef(Sym, Kind, Loc);
  Flows.noteGlobal(E, Sym);
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

bool Collector::VisitStmt(Stmt *S) {
  Flows.noteStatement(S);
  noteOperandUse(S);
  return true;
}

void Collector::noteOperandUse(const Stmt *S) {
  if (auto *Call = dyn_cast<CallExpr>(S)) {
    if (const Expr *Callee = Call->getCallee())
      Calls.insert(Callee->IgnoreParenImpCasts());
  } else if (auto *Sub = dyn_cast<ArraySubscriptExpr>(S)) {
    if (const Expr *B = rootObject(Sub->getBase()))
      Subscripted.insert(B);
  } else if (auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->getOpcode() == UO_AddrOf)
      if (const Expr *B = rootObject(U->getSubExpr()))
        AddressTaken.insert(B);
  } else if (auto *Cast = dyn_cast<ImplicitCastExpr>(S)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      if (const Expr *B = rootObject(Cast->getSubExpr());
          B && !Subscripted.count(B))
        AddressTaken.insert(B);
  }
}

bool Collector::TraverseStmt(Stmt *S, DataRecursionQueue *Queue) {
  bool Result = true;
  runWithSufficientStackSpace([] {},
                              [&] { Result = Base::TraverseStmt(S, Queue); });
  return Result;
}

bool Collector::VisitDeclRefExpr(DeclRefExpr *E) {
  if (!readAsConstant(E))
    noteUse(E->getDecl(), E, E->getLocation());
  if (auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && VD->hasLocalStorage())
    Flows.noteLocal(E, VD);
  noteClosureUse(E);
  return true;
}

bool Collector::VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
  if (E->getOperator() != OO_Call || E->getNumArgs() == 0)
    return true;
  const Expr *Object = E->getArg(0)->IgnoreImplicit();
  if (isa<LambdaExpr, DeclRefExpr>(Object))
    CalledClosures.insert(Object);
  return true;
}

bool Collector::VisitGCCAsmStmt(GCCAsmStmt *S) {
  const clang::StringLiteral *Str = S->getAsmString();
  if (!Current || !Str || !Str->isOrdinary())
    return true;
  for (const std::string &Name : asmTemplateSymbols(Str->getString()))
    if (std::optional<unsigned> To = lookupAnnotatedByName(Name))
      addRef(*To, RefKind::AddressOf, S->getAsmLoc());
  return true;
}

bool Collector::VisitAddrLabelExpr(AddrLabelExpr *E) {
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(
          E->getLabel()->getDeclContext()))
    addRef(symbolFor(FD), RefKind::Access, E->getLabelLoc());
  return true;
}

bool Collector::VisitLambdaExpr(LambdaExpr *E) {
  if (Current)
    LambdaOwners.try_emplace(E->getLambdaClass(), *Current);
  // A closure captured by another is used by that one's body, where its
  // calls are: the capture itself lets nothing run.
  for (Expr *Init : E->capture_inits()) {
    const Expr *Captured = Init ? Init->IgnoreImplicit() : nullptr;
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Captured);
        CE && CE->getNumArgs() == 1)
      Captured = CE->getArg(0)->IgnoreImplicit();
    if (isa_and_nonnull<DeclRefExpr>(Captured))
      CalledClosures.insert(Captured);
  }
  if (!CalledClosures.count(E))
    closureEscapes(E->getLambdaClass(), E->getBeginLoc());
  return true;
}

bool Collector::VisitMemberExpr(MemberExpr *E) {
  if (readAsConstant(E))
    return true;
  ValueDecl *D = E->getMemberDecl();
  // An implicit member call (a conversion operator the compiler inserts)
  // has no member location: the converted expression is the place.
  SourceLocation Loc = E->getMemberLoc();
  if (Loc.isInvalid())
    Loc = E->getExprLoc().isValid() ? E->getExprLoc() : E->getBase()->getExprLoc();
  if (isa<CXXMethodDecl>(D) || isa<VarDecl>(D))
    noteUse(D, E, Loc);
  return true;
}

bool Collector::VisitCXXConstructExpr(CXXConstructExpr *E) {
  if (CXXConstructorDecl *C = E->getConstructor())
    if (!C->isTrivial())
      addRef(symbolFor(C), RefKind::Call, E->getLocation());
  return true;
}

bool Collector::TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E,
                                          DataRecursionQueue *) {
  SourceLocation Saved = UseLoc;
  if (UseLoc.isInvalid())
    UseLoc = E->getUsedLocation();
  bool Result = Base::TraverseCXXDefaultArgExpr(E);
  UseLoc = Saved;
  return Result;
}

bool Collector::VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
  if (const CXXTemporary *T = E->getTemporary())
    if (const CXXDestructorDecl *D = T->getDestructor())
      addRef(symbolFor(D), RefKind::Call, E->getExprLoc());
  return true;
}

bool Collector::VisitCXXDeleteExpr(CXXDeleteExpr *E) {
  // A virtual destructor is called through the vtable, which holds the
  // relocation (resolveVTables).
  if (const CXXDestructorDecl *D = destructorOf(E->getDestroyedType()))
    if (!D->isVirtual())
      addRef(symbolFor(D), RefKind::Call, E->getExprLoc());
  if (const FunctionDecl *Op = E->getOperatorDelete(); Op && !Op->isImplicit())
    addRef(symbolFor(Op), RefKind::Call, E->getExprLoc());
  return true;
}

bool Collector::VisitCXXNewExpr(CXXNewExpr *E) {
  if (const FunctionDecl *Op = E->getOperatorNew(); Op && !Op->isImplicit())
    addRef(symbolFor(Op), RefKind::Call, E->getExprLoc());
  return true;
}

} // namespace collect

TuFacts collectFacts(clang::ASTContext &Ctx, clang::Preprocessor *PP,
                     const CollectOptions &Options) {
  // runWithSufficientStackSpace only knows how much stack is left on a
  // thread that noted where its stack starts; clang's driver does, but
  // clang-tidy and LibTooling (initcheck check) do not. So the walk runs on
  // a thread of its own that does, with the stack clang wants.
  TuFacts Facts;
  llvm::thread Walk(std::optional<unsigned>(clang::DesiredStackSize), [&] {
    clang::noteBottomOfStack();
    Facts = collect::Collector(Ctx, PP, Options).run();
  });
  Walk.join();
  Facts.Suppressions =
      collectSuppressions(Ctx.getSourceManager(), Ctx.getLangOpts());
  return Facts;
}

} // namespace initcheck
