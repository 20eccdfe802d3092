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
#include "checks/FactCollector.h"
#include "checks/AsmSections.h"
#include "checks/InitcallTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Stack.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/thread.h"

using namespace clang;
using namespace llvm;

namespace initcheck {
namespace {

class Collector : public RecursiveASTVisitor<Collector> {
  using Base = RecursiveASTVisitor<Collector>;

public:
  Collector(ASTContext &Ctx, Preprocessor *PP, const CollectOptions &Options)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), PP(PP),
        Extra(Options.Extra) {
    Facts.DataSections = Options.DataSections;
  }

  TuFacts run() {
    TraverseDecl(Ctx.getTranslationUnitDecl());
    drainReferenced();
    resolveVTables();
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

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  // Expressions nest as deep as clang accepts (36,000 operands of `+`), and
  // the walk recurses once per level: each level makes sure enough stack is
  // left and goes on on a fresh one when not, as clang's Sema does.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    bool Result = true;
    runWithSufficientStackSpace([] {},
                                [&] { Result = Base::TraverseStmt(S, Queue); });
    return Result;
  }

  bool TraverseDecl(Decl *D) {
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
    bool Result = Base::TraverseDecl(D);
    Current = Saved;
    return Result;
  }

  // Unevaluated operands: no code, no relocation.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E,
                                        DataRecursionQueue * = nullptr) {
    // sizeof of a variable-length array evaluates its operand.
    if (E->getKind() == UETT_SizeOf && E->getTypeOfArgument()->isVariableArrayType())
      return Base::TraverseUnaryExprOrTypeTraitExpr(E);
    return true;
  }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprType(TypeOfExprType *) { return true; }
  bool TraverseDecltypeType(DecltypeType *) { return true; }
  bool TraverseStaticAssertDecl(StaticAssertDecl *) { return true; }
  // A template argument is a constant the instantiation uses: the
  // reference (and its relocation) is in the instantiation, which is
  // visited on its own, not where the argument is written (`call<fn>()`),
  // nor in the written arguments of the specialization.
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) { return true; }
  bool TraverseTemplateArgument(const TemplateArgument &) { return true; }
  bool TraverseOffsetOfExpr(OffsetOfExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E, DataRecursionQueue * = nullptr) {
    return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E) : true;
  }
  bool TraverseGenericSelectionExpr(GenericSelectionExpr *E,
                                    DataRecursionQueue * = nullptr) {
    return E->isResultDependent() ? true : TraverseStmt(E->getResultExpr());
  }
  bool TraverseChooseExpr(ChooseExpr *E, DataRecursionQueue * = nullptr) {
    return E->isConditionDependent() ? true : TraverseStmt(E->getChosenSubExpr());
  }
  // Builtins whose operand is never evaluated, like sizeof's: CodeGen folds
  // them or emits only a query the optimizer answers, and no relocation
  // survives at any -O.
  bool TraverseCallExpr(CallExpr *E, DataRecursionQueue * = nullptr) {
    switch (E->getBuiltinCallee()) {
    case Builtin::BI__builtin_constant_p:
    case Builtin::BI__builtin_object_size:
    case Builtin::BI__builtin_dynamic_object_size:
    case Builtin::BI__builtin_classify_type:
      return true;
    default:
      return Base::TraverseCallExpr(E);
    }
  }
  // `(void)fn;`, `(void)&fn;`, `(void)*ptr;`: a discarded expression
  // without side effects. CodeGen emits at most a dead load for it, which
  // instruction selection drops at every -O: no relocation remains. A
  // discarded call, assignment or volatile read is emitted.
  bool TraverseCStyleCastExpr(CStyleCastExpr *E, DataRecursionQueue * = nullptr) {
    return isDiscardedPure(E) ? true : Base::TraverseCStyleCastExpr(E);
  }
  bool TraverseCXXStaticCastExpr(CXXStaticCastExpr *E,
                                 DataRecursionQueue * = nullptr) {
    return isDiscardedPure(E) ? true : Base::TraverseCXXStaticCastExpr(E);
  }
  bool TraverseCXXFunctionalCastExpr(CXXFunctionalCastExpr *E,
                                     DataRecursionQueue * = nullptr) {
    return isDiscardedPure(E) ? true
                                 : Base::TraverseCXXFunctionalCastExpr(E);
  }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *,
                                         DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseRequiresExpr(RequiresExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }

  // Branches the compiler drops: `if (IS_ENABLED(CONFIG_X) && ...)` with X
  // off never reaches the object file, so it references nothing. clang's
  // CodeGen folds these at every -O by the same test (constantFold below);
  // the condition itself is not emitted either.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    std::optional<bool> Folded;
    if (!S->isConsteval() && !S->getConditionVariable() && S->getCond() &&
        !S->getCond()->isValueDependent())
      Folded = constantFold(S->getCond());
    if (!Folded)
      return Base::TraverseIfStmt(S);
    Stmt *Live = *Folded ? S->getThen() : S->getElse();
    Stmt *Dead = *Folded ? S->getElse() : S->getThen();
    if (!S->isConstexpr() && containsLabel(Dead))
      return Base::TraverseIfStmt(S);
    return TraverseStmt(S->getInit()) && TraverseStmt(Live);
  }
  // A switch on a constant: CodeGen emits only the statements that run from
  // the matching case (or default) to the first break, when it can prove
  // nothing else is reachable (liveCaseStatements), and neither the
  // condition nor any other case.
  bool TraverseSwitchStmt(SwitchStmt *S, DataRecursionQueue * = nullptr) {
    std::optional<APSInt> Value;
    if (S->getCond() && !S->getCond()->isValueDependent())
      Value = constantFoldInt(S->getCond());
    SmallVector<Stmt *, 4> Live;
    if (!Value || !liveCaseStatements(*S, *Value, Live))
      return Base::TraverseSwitchStmt(S);
    if (!TraverseStmt(S->getInit()))
      return false;
    if (VarDecl *V = S->getConditionVariable())
      if (!TraverseDecl(V))
        return false;
    return traverseSequence(Live);
  }

  // Code after a return (or break, continue, goto, or a folded branch or
  // switch that always leaves) is reached only by a label: CodeGen emits
  // nothing for it (EmitStmt without an insertion point), so
  // `if (!IS_ENABLED(CONFIG_X)) return; init_only();` references nothing
  // with X off, and neither does `case 1: return a(); case 2: return b();`
  // past a(). Declarations are still traversed, as CodeGen still emits
  // them (a static local's initializer among them).
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr) {
    if (!WalkUpFromCompoundStmt(S))
      return false;
    return traverseSequence(S->body());
  }
  template <typename Range> bool traverseSequence(Range &&Stmts) {
    bool Reachable = true;
    for (Stmt *L : Stmts) {
      if (!Reachable && !containsLabel(L)) {
        if (isa<DeclStmt>(L) && !TraverseStmt(L))
          return false;
        continue;
      }
      if (!TraverseStmt(L))
        return false;
      Reachable = !leavesNoCode(L);
    }
    return true;
  }
  bool TraverseConditionalOperator(ConditionalOperator *E,
                                   DataRecursionQueue * = nullptr) {
    std::optional<bool> Folded;
    if (!E->getCond()->isValueDependent())
      Folded = constantFold(E->getCond());
    if (!Folded || containsLabel(*Folded ? E->getFalseExpr() : E->getTrueExpr()))
      return Base::TraverseConditionalOperator(E);
    return TraverseStmt(*Folded ? E->getTrueExpr() : E->getFalseExpr());
  }
  bool TraverseBinaryOperator(BinaryOperator *E,
                              DataRecursionQueue * = nullptr) {
    if (!E->isLogicalOp() || E->getLHS()->isValueDependent())
      return Base::TraverseBinaryOperator(E);
    std::optional<bool> LHS = constantFold(E->getLHS());
    if (!LHS)
      return Base::TraverseBinaryOperator(E);
    // `1 && X` and `0 || X` emit X alone; `0 && X` and `1 || X` emit nothing.
    bool RHSRuns = *LHS == (E->getOpcode() == BO_LAnd);
    if (RHSRuns)
      return TraverseStmt(E->getRHS());
    if (containsLabel(E->getRHS()))
      return Base::TraverseBinaryOperator(E);
    return true;
  }

  // How an expression uses what it names. Parents are visited before their
  // children, so these marks are in place when the DeclRefExpr is visited.
  bool VisitCallExpr(CallExpr *E) {
    if (const Expr *Callee = E->getCallee())
      Calls.insert(Callee->IgnoreParenImpCasts());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *E) {
    if (const Expr *B = rootObject(E->getBase()))
      Subscripted.insert(B);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->getOpcode() == UO_AddrOf)
      if (const Expr *B = rootObject(E->getSubExpr()))
        AddressTaken.insert(B);
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    if (E->getCastKind() == CK_ArrayToPointerDecay)
      if (const Expr *B = rootObject(E->getSubExpr()); B && !Subscripted.count(B))
        AddressTaken.insert(B);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (!readAsConstant(E))
      noteUse(E->getDecl(), E, E->getLocation());
    noteClosureUse(E);
    return true;
  }

  // A lambda's body is a function of its own, in .text whatever encloses
  // it. Calling the closure is a call of its operator(); any other use of
  // the closure (a conversion to a function pointer, a copy into a
  // std::function or an algorithm, a capture) lets it run later, so its
  // address escapes.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->getOperator() != OO_Call || E->getNumArgs() == 0)
      return true;
    const Expr *Object = E->getArg(0)->IgnoreImplicit();
    if (isa<LambdaExpr, DeclRefExpr>(Object))
      CalledClosures.insert(Object);
    return true;
  }
  // A symbol an inline asm template names in the function's own code
  // (`asm("call early_fixup")`) is a relocation of that function. Only
  // symbols with a section of their own, or defined in another file, are
  // looked for: a word of the template that merely spells a local helper's
  // name is not evidence enough (and such a helper must be __used anyway).
  bool VisitGCCAsmStmt(GCCAsmStmt *S) {
    const clang::StringLiteral *Str = S->getAsmString();
    if (!Current || !Str || !Str->isOrdinary())
      return true;
    for (const std::string &Name : asmTemplateSymbols(Str->getString()))
      if (std::optional<unsigned> To = lookupAnnotatedByName(Name))
        addRef(*To, RefKind::AddressOf, S->getAsmLoc());
    return true;
  }
  // `&&label` (GNU computed goto) is the address of code inside the
  // function that holds the label; a static table of them is data that
  // points into that function's section.
  bool VisitAddrLabelExpr(AddrLabelExpr *E) {
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(
            E->getLabel()->getDeclContext()))
      addRef(symbolFor(FD), RefKind::Access, E->getLabelLoc());
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *E) {
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
  bool VisitMemberExpr(MemberExpr *E) {
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
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (CXXConstructorDecl *C = E->getConstructor())
      if (!C->isTrivial())
        addRef(symbolFor(C), RefKind::Call, E->getLocation());
    return true;
  }
  // A default argument is evaluated at each call that omits it: report
  // there, not at the declaration every call shares.
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E,
                                 DataRecursionQueue * = nullptr) {
    SourceLocation Saved = UseLoc;
    if (UseLoc.isInvalid())
      UseLoc = E->getUsedLocation();
    bool Result = Base::TraverseCXXDefaultArgExpr(E);
    UseLoc = Saved;
    return Result;
  }

  // Calls the source does not spell: the destructor of a temporary at the
  // end of its full-expression, `delete`'s destructor and operator delete,
  // a class's own operator new.
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    if (const CXXTemporary *T = E->getTemporary())
      if (const CXXDestructorDecl *D = T->getDestructor())
        addRef(symbolFor(D), RefKind::Call, E->getExprLoc());
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    // A virtual destructor is called through the vtable, which holds the
    // relocation (resolveVTables).
    if (const CXXDestructorDecl *D = destructorOf(E->getDestroyedType()))
      if (!D->isVirtual())
        addRef(symbolFor(D), RefKind::Call, E->getExprLoc());
    if (const FunctionDecl *Op = E->getOperatorDelete(); Op && !Op->isImplicit())
      addRef(symbolFor(Op), RefKind::Call, E->getExprLoc());
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    if (const FunctionDecl *Op = E->getOperatorNew(); Op && !Op->isImplicit())
      addRef(symbolFor(Op), RefKind::Call, E->getExprLoc());
    return true;
  }

private:
  /// An Objective-C method body: code in .text (or its section attribute)
  /// that message dispatch can run at any time, through the class's method
  /// list, so it is never a helper.
  unsigned objcMethodSymbol(const ObjCMethodDecl *OMD) {
    const Decl *Canon = OMD->getCanonicalDecl();
    auto [It, Inserted] = Index.try_emplace(Canon, Facts.Symbols.size());
    if (!Inserted)
      return It->second;
    Symbol S;
    S.Kind = SymbolKind::Function;
    std::string Class;
    if (const ObjCInterfaceDecl *I = OMD->getClassInterface())
      Class = I->getName().str();
    S.Name = (OMD->isInstanceMethod() ? "-[" : "+[") + Class + " " +
             OMD->getSelector().getAsString() + "]";
    S.Identifier = S.Name;
    S.Defined = true;
    S.InternalLinkage = true;
    S.Retained = true;
    S.Loc = at(OMD->getLocation());
    S.InSystemHeader = SM.isInSystemHeader(OMD->getLocation());
    S.Section = ".text";
    for (const Decl *R : {static_cast<const Decl *>(OMD), Canon})
      if (const auto *A = R->getAttr<SectionAttr>()) {
        S.Section = A->getName().str();
        S.ExplicitSection = true;
        S.AnnotationLoc = at(R->getLocation());
        break;
      }
    S.Class = classifySection(S.Section, Extra);
    Facts.Symbols.push_back(std::move(S));
    SymbolDecls.push_back(Canon);
    return It->second;
  }

  /// A block literal's body is a function of its own in .text; its address
  /// is stored in the block object where the literal is evaluated, so it
  /// escapes from there (blocks are only ever called through the object).
  unsigned blockSymbol(const BlockDecl *BD) {
    auto [It, Inserted] = Index.try_emplace(BD, Facts.Symbols.size());
    if (!Inserted)
      return It->second;
    unsigned Sym = It->second;
    Symbol S;
    S.Kind = SymbolKind::Function;
    S.Name = Current ? "block in " + Facts.Symbols[*Current].Name : "block";
    S.Identifier = S.Name;
    S.Defined = true;
    S.InternalLinkage = true;
    S.Loc = at(BD->getCaretLocation());
    S.InSystemHeader = SM.isInSystemHeader(BD->getCaretLocation());
    S.Section = ".text";
    S.Class = classifySection(S.Section, Extra);
    Facts.Symbols.push_back(std::move(S));
    SymbolDecls.push_back(nullptr);
    addRef(Sym, RefKind::AddressOf, BD->getCaretLocation());
    return Sym;
  }

  /// Every call operator of a closure type: one, or the instantiations of
  /// a generic lambda's.
  void forEachCallOperator(const CXXRecordDecl *RD,
                           function_ref<void(const CXXMethodDecl *)> Fn) {
    if (!RD || !RD->isLambda())
      return;
    if (const FunctionTemplateDecl *T = RD->getDependentLambdaCallOperator()) {
      for (const FunctionDecl *Spec : T->specializations())
        if (const auto *MD = dyn_cast<CXXMethodDecl>(Spec))
          Fn(MD);
      return;
    }
    if (const CXXMethodDecl *MD = RD->getLambdaCallOperator())
      Fn(MD);
  }

  void closureEscapes(const CXXRecordDecl *RD, SourceLocation Loc) {
    forEachCallOperator(RD, [&](const CXXMethodDecl *MD) {
      addRef(symbolFor(MD), RefKind::AddressOf, Loc);
    });
  }

  /// A local closure variable used other than by calling it.
  void noteClosureUse(const DeclRefExpr *E) {
    const auto *VD = dyn_cast<VarDecl>(E->getDecl());
    if (!VD || !VD->hasLocalStorage() || CalledClosures.count(E))
      return;
    if (const CXXRecordDecl *RD =
            VD->getType().getNonReferenceType()->getAsCXXRecordDecl())
      closureEscapes(RD, E->getLocation());
  }

  /// "lambda in setup": the closure's own name is its file position. The
  /// function or object whose code creates it names it.
  std::string lambdaName(const CXXMethodDecl *MD) {
    const CXXRecordDecl *RD = MD->getParent();
    if (auto It = LambdaOwners.find(RD); It != LambdaOwners.end())
      return "lambda in " + Facts.Symbols[It->second].Name;
    const Decl *Context = RD->getLambdaContextDecl();
    if (!Context || !isa<NamedDecl>(Context))
      Context = dyn_cast<Decl>(RD->getDeclContext());
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Context))
      return "lambda in " + displayName(ND);
    return "lambda";
  }

  /// The non-trivial destructor that destroys an object of type \p T (or
  /// each element of an array of them), if any.
  const CXXDestructorDecl *destructorOf(QualType T) const {
    if (T.isNull() || T->isDependentType())
      return nullptr;
    const CXXRecordDecl *RD = Ctx.getBaseElementType(T)->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor() ||
        RD->isDependentContext())
      return nullptr;
    const CXXDestructorDecl *D = RD->getDestructor();
    return D && !D->isDeleted() ? D : nullptr;
  }

  /// What a local variable runs when its scope ends: the function of
  /// `__attribute__((cleanup(f)))` (the kernel's __free()), the destructor
  /// of an automatic object, and for a static local the destructor whose
  /// address the enclosing function registers with __cxa_atexit.
  void noteScopeExit(const VarDecl *VD) {
    if (!Current || !VD->isLocalVarDecl())
      return;
    if (const auto *A = VD->getAttr<CleanupAttr>())
      if (const FunctionDecl *F = A->getFunctionDecl())
        addRef(symbolFor(F), RefKind::Call, VD->getLocation());
    if (VD->getType()->isReferenceType())
      return; // a bound temporary is a CXXBindTemporaryExpr
    if (const CXXDestructorDecl *D = destructorOf(VD->getType()))
      addRef(symbolFor(D),
             VD->hasLocalStorage() ? RefKind::Call : RefKind::AddressOf,
             VD->getLocation());
  }

  /// The calls and addresses a constructor, destructor or key function
  /// holds without spelling them: a destructor destroys its members and
  /// bases; a constructor or destructor of a dynamic class stores the
  /// address of its vtable, and the key function's file emits the vtable.
  void noteImplicitMemberCalls(const CXXMethodDecl *MD) {
    const CXXRecordDecl *RD = MD->getParent();
    if (!RD || RD->isDependentContext() || !RD->hasDefinition() ||
        RD->isInvalidDecl())
      return;
    if (isa<CXXDestructorDecl>(MD)) {
      SourceLocation L = MD->getLocation();
      for (const FieldDecl *F : RD->fields())
        if (const CXXDestructorDecl *D = destructorOf(F->getType()))
          addRef(symbolFor(D), RefKind::Call, L);
      for (const CXXBaseSpecifier &B : RD->bases())
        if (const CXXDestructorDecl *D = destructorOf(B.getType()))
          addRef(symbolFor(D), RefKind::Call, L);
      for (const CXXBaseSpecifier &B : RD->vbases())
        if (const CXXDestructorDecl *D = destructorOf(B.getType()))
          addRef(symbolFor(D), RefKind::Call, L);
    }
    if (!RD->isDynamicClass())
      return;
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(MD))
      VPtrStores.push_back({*Current, MD, RD});
    if (const CXXMethodDecl *Key = Ctx.getCurrentKeyFunction(RD);
        Key && Key->getCanonicalDecl() == MD->getCanonicalDecl())
      vtableFor(RD);
  }

  /// The vtable of \p RD, a resident constant object. Defined here when
  /// this file emits it: where the key function is defined, or, for a
  /// class without one, wherever a constructor or destructor is emitted.
  /// Then it references every virtual function the class declares.
  unsigned vtableFor(const CXXRecordDecl *RD) {
    RD = RD->getDefinition();
    auto [It, Inserted] = VTables.try_emplace(RD, Facts.Symbols.size());
    if (!Inserted)
      return It->second;
    unsigned Sym = It->second;
    const CXXMethodDecl *Key = Ctx.getCurrentKeyFunction(RD);
    Symbol S;
    S.Kind = SymbolKind::Variable;
    S.Name = "vtable for " + displayName(RD);
    S.Identifier = S.Name;
    S.Section = ".data.rel.ro";
    S.Class = classifySection(S.Section, Extra);
    S.Defined = !Key || Key->isDefined();
    S.InternalLinkage = true; // one per file that emits it: never joined
    S.Retained = true;        // every object of the class points to it
    S.IsConst = true;
    S.Loc = at(RD->getLocation());
    S.InSystemHeader = SM.isInSystemHeader(RD->getLocation());
    Facts.Symbols.push_back(std::move(S));
    SymbolDecls.push_back(nullptr);
    if (!Facts.Symbols[Sym].Defined)
      return Sym;
    std::optional<unsigned> Saved = Current;
    Current = Sym;
    for (const CXXMethodDecl *M : RD->methods())
      if (M->isVirtual() && !M->isPureVirtual() && !M->isDeleted())
        addRef(symbolFor(M), RefKind::AddressOf, M->getLocation());
    Current = Saved;
    return Sym;
  }

  /// A constructor or destructor stores its class's vtable pointer. An
  /// inline one is emitted only when used, so it counts once something
  /// references it (known only after the whole file is traversed).
  void resolveVTables() {
    for (size_t I = 0; I != VPtrStores.size(); ++I) {
      VPtrStore St = VPtrStores[I];
      const FunctionDecl *Def = St.Fn->getDefinition();
      bool Emitted = Referenced.count(St.Fn->getCanonicalDecl()) ||
                     (Def && !Def->isInlined());
      if (!Emitted)
        continue;
      std::optional<unsigned> Saved = Current;
      Current = St.User;
      addRef(vtableFor(St.Class), RefKind::AddressOf, St.Fn->getLocation());
      Current = Saved;
    }
  }

  /// The value of a condition CodeGen folds (CodeGenFunction::
  /// ConstantFoldsToSimpleInteger): an integer constant with no side effects.
  std::optional<bool> constantFold(const Expr *Cond) const {
    if (std::optional<APSInt> V = constantFoldInt(Cond))
      return V->getBoolValue();
    return std::nullopt;
  }
  std::optional<APSInt> constantFoldInt(const Expr *Cond) const {
    if (Cond->isTypeDependent() || Cond->containsErrors())
      return std::nullopt;
    Expr::EvalResult Result;
    if (!Cond->EvaluateAsInt(Result, Ctx) || containsLabel(Cond))
      return std::nullopt;
    return Result.Val.getInt();
  }

  /// The statements CodeGen emits for a switch on the constant \p Value,
  /// or false when it emits the whole switch. The same decisions as clang
  /// 19's FindCaseStatementsForValue and CollectStatementsForCase
  /// (lib/CodeGen/CGStmt.cpp): the case with that value, else the default,
  /// else nothing when the body holds no label; case ranges are not folded.
  bool liveCaseStatements(const SwitchStmt &S, const APSInt &Value,
                          SmallVectorImpl<Stmt *> &Live) const {
    const SwitchCase *Case = S.getSwitchCaseList();
    const DefaultStmt *Default = nullptr;
    for (; Case; Case = Case->getNextSwitchCase()) {
      if (const auto *D = dyn_cast<DefaultStmt>(Case)) {
        Default = D;
        continue;
      }
      const auto *CS = cast<CaseStmt>(Case);
      if (CS->getRHS())
        return false;
      if (APSInt::isSameValue(CS->getLHS()->EvaluateKnownConstInt(Ctx), Value))
        break;
    }
    if (!Case) {
      if (!Default)
        return !containsLabel(&S);
      Case = Default;
    }
    bool Found = false;
    return collectCase(const_cast<Stmt *>(S.getBody()), Case, Found, Live) != Collected::Failure &&
           Found;
  }

  enum class Collected { Failure, FallThrough, Success };

  /// Looking for \p Case (non-null: what is skipped must hold no label),
  /// then collecting what runs from it to the break (null).
  static Collected collectCase(Stmt *S, const SwitchCase *Case, bool &Found,
                               SmallVectorImpl<Stmt *> &Live) {
    if (!S)
      return Case ? Collected::Success : Collected::FallThrough;
    if (auto *SC = dyn_cast<SwitchCase>(S)) {
      if (SC == Case) {
        Found = true;
        return collectCase(SC->getSubStmt(), nullptr, Found, Live);
      }
      return collectCase(SC->getSubStmt(), Case, Found, Live);
    }
    if (!Case && isa<BreakStmt>(S))
      return Collected::Success;
    auto RestHasLabel = [](CompoundStmt::body_iterator I,
                           CompoundStmt::body_iterator E) {
      for (; I != E; ++I)
        if (containsLabel(*I, /*IgnoreCases=*/true))
          return true;
      return false;
    };
    if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      auto I = CS->body_begin(), E = CS->body_end();
      bool StartedLive = Found;
      size_t StartSize = Live.size();
      if (Case) {
        // A declaration skipped on the way to the case may be used after it.
        bool SkippedDecl = false;
        for (; Case && I != E; ++I) {
          SkippedDecl |= mightAddDeclToScope(*I);
          switch (collectCase(*I, Case, Found, Live)) {
          case Collected::Failure:
            return Collected::Failure;
          case Collected::Success:
            if (Found)
              return SkippedDecl || RestHasLabel(I + 1, E) ? Collected::Failure
                                                           : Collected::Success;
            break;
          case Collected::FallThrough:
            Case = nullptr;
            if (SkippedDecl)
              return Collected::Failure;
            break;
          }
        }
        if (!Found)
          return Collected::Success;
      }
      bool AnyDecls = false;
      for (; I != E; ++I) {
        AnyDecls |= mightAddDeclToScope(*I);
        switch (collectCase(*I, nullptr, Found, Live)) {
        case Collected::Failure:
          return Collected::Failure;
        case Collected::FallThrough:
          break;
        case Collected::Success:
          return RestHasLabel(I + 1, E) ? Collected::Failure
                                        : Collected::Success;
        }
      }
      // Falling out of a scope with declarations: only the whole compound
      // statement can be emitted, and only when it holds no break.
      if (AnyDecls) {
        if (!StartedLive || containsBreak(S))
          return Collected::Failure;
        Live.resize(StartSize);
        Live.push_back(S);
      }
      return Collected::FallThrough;
    }
    if (Case)
      return containsLabel(S, /*IgnoreCases=*/true) ? Collected::Failure
                                                    : Collected::Success;
    if (containsBreak(S))
      return Collected::Failure;
    Live.push_back(S);
    return Collected::FallThrough;
  }

  /// After \p S control cannot fall through to the next statement, for sure:
  /// a return, break, continue or goto; a block that leaves with no label
  /// after that; an `if` or `switch` that CodeGen folds to code that leaves.
  /// (Anything else may fall through.)
  bool leavesNoCode(const Stmt *S) const {
    if (!S)
      return false;
    if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, IndirectGotoStmt>(S))
      return true;
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      return sequenceLeaves(CS->body());
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (If->isConsteval() || If->getConditionVariable() || !If->getCond() ||
          If->getCond()->isValueDependent())
        return false;
      std::optional<bool> Folded = constantFold(If->getCond());
      if (!Folded)
        return false;
      const Stmt *Dead = *Folded ? If->getElse() : If->getThen();
      if (!If->isConstexpr() && containsLabel(Dead))
        return false;
      return leavesNoCode(*Folded ? If->getThen() : If->getElse());
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      if (!Sw->getCond() || Sw->getCond()->isValueDependent())
        return false;
      std::optional<APSInt> Value = constantFoldInt(Sw->getCond());
      SmallVector<Stmt *, 4> Live;
      return Value && liveCaseStatements(*Sw, *Value, Live) &&
             sequenceLeaves(Live);
    }
    return false;
  }
  template <typename Range> bool sequenceLeaves(Range &&Stmts) const {
    bool Left = false;
    for (const Stmt *Child : Stmts) {
      if (Left && containsLabel(Child))
        return false;
      Left = Left || leavesNoCode(Child);
    }
    return Left;
  }

  /// Whether \p Root or a statement under it is \p Wanted, not looking
  /// under \p Opaque ones. A worklist: statements nest deeper than the
  /// stack would take.
  template <typename Wanted, typename... Opaque>
  static bool findBelow(const Stmt *Root) {
    SmallVector<const Stmt *, 16> Work = {Root};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || (sizeof...(Opaque) && isa<Opaque...>(S)))
        continue;
      if (isa<Wanted>(S))
        return true;
      llvm::append_range(Work, S->children());
    }
    return false;
  }

  /// A break that leaves the switch (CodeGenFunction::containsBreak).
  static bool containsBreak(const Stmt *S) {
    return findBelow<BreakStmt, SwitchStmt, WhileStmt, DoStmt, ForStmt>(S);
  }

  /// A declaration in the scope around \p S (CodeGenFunction::
  /// mightAddDeclToScope).
  static bool mightAddDeclToScope(const Stmt *S) {
    return findBelow<DeclStmt, IfStmt, SwitchStmt, WhileStmt, DoStmt, ForStmt,
                     CompoundStmt, CXXForRangeStmt, CXXTryStmt,
                     ObjCForCollectionStmt, ObjCAtTryStmt>(S);
  }

  /// A constexpr or const object read as a constant, which is not an
  /// odr-use: CodeGen emits the value (tryEmitAsConstant), not the object.
  /// Not an element of an array (`limits[i]`, even `limits[1]`), which
  /// CodeGen reads from the object at -O0.
  bool readAsConstant(const Expr *E) const {
    NonOdrUseReason R = isa<DeclRefExpr>(E)
                            ? cast<DeclRefExpr>(E)->isNonOdrUse()
                            : cast<MemberExpr>(E)->isNonOdrUse();
    return R == NOUR_Unevaluated ||
           (R == NOUR_Constant && !E->getType()->isArrayType() &&
            !Subscripted.count(E));
  }

  /// A cast to void of an expression without side effects (a volatile
  /// read included).
  bool isDiscardedPure(const ExplicitCastExpr *E) const {
    if (E->getCastKind() != CK_ToVoid)
      return false;
    const Expr *Op = E->getSubExpr();
    if (Op->isValueDependent() || Op->containsErrors() ||
        Op->getType().isVolatileQualified())
      return false;
    return !Op->HasSideEffects(Ctx, /*IncludePossibleEffects=*/true);
  }

  /// A label (or a case outside a nested switch) can be jumped to, so the
  /// code around it is emitted even under a false condition.
  /// A worklist, not recursion: the statement may be nested deeper than
  /// the stack would take.
  static bool containsLabel(const Stmt *Root, bool IgnoreCases = false) {
    SmallVector<std::pair<const Stmt *, bool>, 16> Work = {{Root, IgnoreCases}};
    while (!Work.empty()) {
      auto [S, Ignore] = Work.pop_back_val();
      if (!S)
        continue;
      if (isa<LabelStmt>(S) || (!Ignore && isa<SwitchCase>(S)))
        return true;
      if (isa<SwitchStmt>(S))
        Ignore = true;
      for (const Stmt *Child : S->children())
        Work.push_back({Child, Ignore});
    }
    return false;
  }

  /// The object whose address or element an lvalue expression designates:
  /// `x`, `x.a.b`, `x[i]` all lead to the DeclRefExpr of x.
  static const Expr *rootObject(const Expr *E) {
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

  void noteUse(ValueDecl *D, const Expr *E, SourceLocation Loc) {
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

  /// An internal definition nobody references yet: traversed only if
  /// something does (see drainReferenced).
  static bool isDeferrable(const Decl *D) {
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

  void markReferenced(unsigned Sym) {
    const Decl *Canon = SymbolDecls[Sym];
    if (!Canon || !Referenced.insert(Canon).second)
      return;
    auto It = PendingDefs.find(Canon);
    if (It != PendingDefs.end()) {
      Ready.push_back(It->second);
      PendingDefs.erase(It);
    }
  }

  /// Traverse the deferred definitions that became referenced, and those
  /// they reference in turn.
  void drainReferenced() {
    while (!Ready.empty()) {
      const Decl *D = Ready.back();
      Ready.pop_back();
      Forced = D;
      TraverseDecl(const_cast<Decl *>(D));
      Forced = nullptr;
    }
  }

  void addRef(unsigned To, RefKind Kind, SourceLocation Loc) {
    if (!Current || *Current == To)
      return;
    if (UseLoc.isValid())
      Loc = UseLoc;
    markReferenced(To);
    uint64_t Key = (uint64_t(*Current) << 32) | To;
    // By the place in the file: a macro that names the symbol twice (two
    // asm operands, `TWICE(fn)`) is one reference where the user looks.
    if (!Seen.insert({Key, SM.getFileLoc(Loc).getRawEncoding()}).second)
      return;
    Reference R;
    R.From = *Current;
    R.To = To;
    R.Kind = Kind;
    R.Loc.Loc = Loc;
    Facts.Refs.push_back(R);
  }

  /// The index of the symbol for \p D (all redeclarations share one).
  unsigned symbolFor(const Decl *D) {
    const Decl *Canon = D->getCanonicalDecl();
    auto [It, Inserted] = Index.try_emplace(Canon, Facts.Symbols.size());
    if (Inserted) {
      SymbolDecls.push_back(Canon);
      Facts.Symbols.emplace_back();
      describe(cast<NamedDecl>(Canon), Facts.Symbols.back());
    }
    return It->second;
  }

  /// The name as C sees it; in C++ with its class or namespace and its
  /// template arguments ("Device::probe", "tmpl<int>").
  std::string displayName(const NamedDecl *D) {
    if (!LO.CPlusPlus)
      return D->getIdentifier() ? D->getName().str() : D->getNameAsString();
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    const DeclContext *DC = D->getDeclContext();
    bool Qualified = DC->isRecord() || (DC->isNamespace() && !DC->isInlineNamespace());
    D->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), Qualified);
    return Out;
  }

  /// The name the object file gives an external symbol: its asm label, the
  /// C identifier, or the C++ mangled name.
  std::string linkName(const NamedDecl *D) {
    if (const auto *A = D->getAttr<AsmLabelAttr>())
      return A->getLabel().str();
    if (!LO.CPlusPlus)
      return D->getIdentifier() ? D->getName().str() : "";
    if (!Mangler)
      Mangler = std::make_unique<ASTNameGenerator>(Ctx);
    return Mangler->getName(D);
  }

  /// Every initcall and exitcall table entry, in the order of the entries
  /// in the file (the order the linker keeps them in within the object).
  void extractInitcalls() {
    struct Found {
      SourceLocation Loc;
      size_t Seen; ///< Discovery order breaks ties (one asm, many entries).
      Initcall Call;
    };
    std::vector<Found> All;
    for (const Reference &R : Facts.Refs) {
      const Symbol &Entry = Facts.Symbols[R.From];
      if ((Entry.Class != SectionClass::InitTable &&
           Entry.Class != SectionClass::ExitTable) ||
          Facts.Symbols[R.To].Kind != SymbolKind::Function)
        continue;
      // Under -DMODULE the entries are the init_module/cleanup_module aliases.
      std::string Level = Entry.Identifier == "init_module"      ? "module"
                          : Entry.Identifier == "cleanup_module" ? "module_exit"
                                                     : initcallLevel(Entry.Section);
      if (Level.empty())
        continue;
      All.push_back({SM.getFileLoc(R.Loc.Loc), All.size(),
                     {Level, R.From, ltoStubTarget(R.To), 0}});
    }
    llvm::sort(All, [&](const Found &A, const Found &B) {
      if (A.Loc != B.Loc && A.Loc.isValid() && B.Loc.isValid())
        return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
      return A.Seen < B.Seen;
    });
    for (Found &F : All) {
      F.Call.Position = Facts.Initcalls.size();
      Symbol &Fn = Facts.Symbols[F.Call.Function];
      if (const auto *FD = dyn_cast_or_null<FunctionDecl>(SymbolDecls[F.Call.Function]))
        Fn.Type = FD->getType().getAsString(Ctx.getPrintingPolicy());
      Facts.Initcalls.push_back(std::move(F.Call));
    }
  }

  /// Clang LTO emits an `__init __initstub__<id>()` that calls the real
  /// initcall function; report the function the programmer wrote.
  unsigned ltoStubTarget(unsigned Fn) {
    if (!StringRef(Facts.Symbols[Fn].Identifier).starts_with("__initstub__"))
      return Fn;
    std::optional<unsigned> Callee;
    for (const Reference &R : Facts.Refs)
      if (R.From == Fn && R.Kind == RefKind::Call) {
        if (Callee)
          return Fn;
        Callee = R.To;
      }
    return Callee.value_or(Fn);
  }

  Location at(SourceLocation L) {
    Location Out;
    Out.Loc = L;
    return Out;
  }

  /// The section attribute of one declaration, if it wrote one itself.
  static const SectionAttr *ownSection(const Decl *D) {
    for (const auto *A : D->specific_attrs<SectionAttr>())
      if (!A->isInherited())
        return A;
    return nullptr;
  }

  void describe(const NamedDecl *Canon, Symbol &S) {
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

  /// The definition of an object, or the tentative definition C makes one
  /// of (`int x __initdata;`), from any of its declarations: clang's
  /// getActingDefinition() answers only when asked on a tentative one, and
  /// the canonical declaration is often a header's `extern`.
  static const VarDecl *actingDefinition(const VarDecl *VD) {
    if (const VarDecl *D = VD->getDefinition())
      return D;
    for (const VarDecl *R : VD->redecls())
      if (R->isThisDeclarationADefinition() == VarDecl::TentativeDefinition)
        return R->getActingDefinition();
    return nullptr;
  }

  std::string defaultSection(const FunctionDecl *FD, const VarDecl *VD,
                             const Symbol &S) {
    if (FD)
      return ".text";
    if (VD->getTLSKind() != VarDecl::TLS_None)
      return ".tdata";
    if (S.IsConst)
      return ".rodata";
    return Facts.DataSections ? ".data." + S.Name : ".data";
  }

  static std::string pragmaSection(const Decl *D) {
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

  /// Remember the macro name the annotation was written with, when the
  /// attribute comes from a single macro token such as `__initdata`.
  void noteAnnotationSpelling(const SectionAttr *A, Symbol &S) {
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

  /// Whether the section attribute comes from __init_or_module (or its
  /// data forms), at any depth of its macro expansion: the kernel writes
  /// `struct platform_device * __init_or_module f(...)`, and a project
  /// macro may wrap it.
  bool writtenInitOrModule(const SectionAttr *A) const {
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

  void findConflicts(const NamedDecl *Canon, const Decl *Def, Symbol &S) {
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

  /// Where a fix-it may add `__init` (before the name) or `__initdata`
  /// (after the declarator, kernel style). Only for plain declarators
  /// written in a file; anything fancier gets no fix-it.
  void noteInsertion(const Decl *Def, Symbol &S) {
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

  /// Symbols named by file-scope asm and alias attributes: C names, looked
  /// up at translation-unit scope once the whole file is known.
  std::optional<unsigned> lookupByName(StringRef Name) {
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

  /// The functions and objects of namespace scope outside system headers,
  /// by mangled name; built once, the first time a C++ name is not found.
  void indexMangledNames() {
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

  /// A function or object of that name whose declaration carries a
  /// section attribute, or that another file defines (whose section only
  /// the whole-program step knows).
  std::optional<unsigned> lookupAnnotatedByName(StringRef Name) {
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
  static bool isSymbolName(StringRef Name) {
    return llvm::all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
  }

  void resolveAsm() {
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

  struct Aliasee {
    StringRef Name;         ///< The target, or an ifunc's resolver.
    bool IFunc = false;     ///< Its symbol lives in the resolver's section.
    const Decl *Carrier = nullptr; ///< The declaration with the attribute.
  };
  /// What an alias or ifunc declaration points at.
  static std::optional<Aliasee> aliasee(const Decl *D) {
    for (const Decl *R : D->redecls()) {
      if (const auto *A = R->getAttr<AliasAttr>())
        return Aliasee{A->getAliasee(), false, R};
      if (const auto *A = R->getAttr<IFuncAttr>())
        return Aliasee{A->getResolver(), true, R};
    }
    return std::nullopt;
  }

  /// The symbol an alias finally names: an alias of an alias is followed
  /// to the definition (clang rejects cycles; the walk is bounded anyway).
  std::optional<unsigned> finalAliasTarget(StringRef Name) {
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

  /// An alias is the same storage under another name: it takes its
  /// target's section, and the target is retained. Two names are special:
  /// under -DMODULE, module_init()/module_exit() define `init_module` and
  /// `cleanup_module` as aliases, which modpost wires into the module's
  /// init and exit slots. They are the module's initcall and exitcall
  /// entries, so a built-in and a modular build get the same verdicts.
  /// An ifunc's symbol is defined in its resolver's section, and the
  /// resolver (called by the loader) is retained like an alias target.
  void resolveAliases() {
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

  ASTContext &Ctx;
  SourceManager &SM;
  const LangOptions &LO;
  Preprocessor *PP;
  const ExtraSections &Extra;
  TuFacts Facts;
  DenseMap<const Decl *, unsigned> Index;
  DenseSet<std::pair<uint64_t, unsigned>> Seen;
  DenseSet<const Expr *> Calls, Subscripted, AddressTaken;
  DenseSet<const Expr *> CalledClosures; ///< Closures only called, so far.
  DenseMap<const CXXRecordDecl *, unsigned> LambdaOwners; ///< Who creates it.
  std::vector<const FileScopeAsmDecl *> AsmDecls;
  std::vector<const Decl *> SymbolDecls; ///< Canonical decl per symbol.
  DenseSet<const Decl *> Referenced;     ///< Canonical decls used so far.
  DenseMap<const Decl *, const Decl *> PendingDefs; ///< Deferred, by canon.
  std::vector<const Decl *> Ready;       ///< Deferred and now referenced.
  const Decl *Forced = nullptr;          ///< Being drained: no deferral.
  std::unique_ptr<ASTNameGenerator> Mangler;
  struct VPtrStore {
    unsigned User;
    const CXXMethodDecl *Fn;
    const CXXRecordDecl *Class;
  };
  std::vector<VPtrStore> VPtrStores;
  DenseMap<const CXXRecordDecl *, unsigned> VTables;
  std::optional<StringMap<const NamedDecl *>> MangledNames;
  std::optional<unsigned> Current;
  SourceLocation UseLoc; ///< Where a default argument being visited is used.
};

} // namespace

TuFacts collectFacts(ASTContext &Ctx, Preprocessor *PP,
                     const CollectOptions &Options) {
  // runWithSufficientStackSpace only knows how much stack is left on a
  // thread that noted where its stack starts; clang's driver does, but
  // clang-tidy and LibTooling (initcheck check) do not. So the walk runs on
  // a thread of its own that does, with the stack clang wants.
  TuFacts Facts;
  llvm::thread Walk(std::optional<unsigned>(DesiredStackSize), [&] {
    noteBottomOfStack();
    Facts = Collector(Ctx, PP, Options).run();
  });
  Walk.join();
  return Facts;
}

} // namespace initcheck
