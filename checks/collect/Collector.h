//===- Collector.h - The AST pass behind collectFacts() ---------*- C++ -*-===//
//
// Private to checks/collect: the one RecursiveASTVisitor, declared here and
// defined by concern: FactCollector.cpp (the traversal and references),
// DeadBranches.cpp (branches CodeGen folds away), SymbolNames.cpp (a
// symbol's names, section and annotation), Initcalls.cpp (the initcall
// table), AsmAliases.cpp (references in file-scope asm, and aliases).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_COLLECT_COLLECTOR_H
#define INITCHECK_CHECKS_COLLECT_COLLECTOR_H

#include "checks/collect/FactCollector.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>

namespace initcheck {
namespace collect {

using namespace clang;
using namespace llvm;

class Collector : public RecursiveASTVisitor<Collector> {
  using Base = RecursiveASTVisitor<Collector>;

public:
  Collector(ASTContext &Ctx, Preprocessor *PP, const CollectOptions &Options)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), PP(PP),
        Extra(Options.Extra) {
    Facts.DataSections = Options.DataSections;
  }

  TuFacts run();

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool TraverseDecl(Decl *D);

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
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr);
  bool TraverseConditionalOperator(ConditionalOperator *E,
                                   DataRecursionQueue * = nullptr);
  bool TraverseBinaryOperator(BinaryOperator *E,
                              DataRecursionQueue * = nullptr);

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
    noteUse(E->getDecl(), E, E->getLocation());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    ValueDecl *D = E->getMemberDecl();
    if (isa<CXXMethodDecl>(D) || isa<VarDecl>(D))
      noteUse(D, E, E->getMemberLoc());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (CXXConstructorDecl *C = E->getConstructor())
      if (!C->isTrivial())
        addRef(symbolFor(C), RefKind::Call, E->getLocation());
    return true;
  }

private:
  /// The value of a condition CodeGen folds (CodeGenFunction::
  /// ConstantFoldsToSimpleInteger): an integer constant with no side effects.
  std::optional<bool> constantFold(const Expr *Cond) const;

  /// A label (or a case outside a nested switch) can be jumped to, so the
  /// code around it is emitted even under a false condition.
  static bool containsLabel(const Stmt *S, bool IgnoreCases = false);

  /// The object whose address or element an lvalue expression designates:
  /// `x`, `x.a.b`, `x[i]` all lead to the DeclRefExpr of x.
  static const Expr *rootObject(const Expr *E);

  void noteUse(ValueDecl *D, const Expr *E, SourceLocation Loc);

  /// An internal definition nobody references yet: traversed only if
  /// something does (see drainReferenced).
  static bool isDeferrable(const Decl *D);

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
  void drainReferenced();

  void addRef(unsigned To, RefKind Kind, SourceLocation Loc) {
    if (!Current || *Current == To)
      return;
    markReferenced(To);
    uint64_t Key = (uint64_t(*Current) << 32) | To;
    if (!Seen.insert({Key, Loc.getRawEncoding()}).second)
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
  std::string displayName(const NamedDecl *D);

  /// The name the object file gives an external symbol: its asm label, the
  /// C identifier, or the C++ mangled name.
  std::string linkName(const NamedDecl *D);

  /// Every initcall and exitcall table entry, in the order of the entries
  /// in the file (the order the linker keeps them in within the object).
  void extractInitcalls();

  /// Clang LTO emits an `__init __initstub__<id>()` that calls the real
  /// initcall function; report the function the programmer wrote.
  unsigned ltoStubTarget(unsigned Fn);

  Location at(SourceLocation L) {
    Location Out;
    Out.Loc = L;
    return Out;
  }

  /// The section attribute of one declaration, if it wrote one itself.
  static const SectionAttr *ownSection(const Decl *D);

  void describe(const NamedDecl *Canon, Symbol &S);

  std::string defaultSection(const FunctionDecl *FD, const VarDecl *VD,
                             const Symbol &S);

  static std::string pragmaSection(const Decl *D);

  /// Remember the macro name the annotation was written with, when the
  /// attribute comes from a single macro token such as `__initdata`.
  void noteAnnotationSpelling(const SectionAttr *A, Symbol &S);

  void findConflicts(const NamedDecl *Canon, const Decl *Def, Symbol &S);

  /// Where a fix-it may add `__init` (before the name) or `__initdata`
  /// (after the declarator, kernel style). Only for plain declarators
  /// written in a file; anything fancier gets no fix-it.
  void noteInsertion(const Decl *Def, Symbol &S);

  /// Symbols named by file-scope asm and alias attributes: C names, looked
  /// up at translation-unit scope once the whole file is known.
  std::optional<unsigned> lookupByName(StringRef Name);

  void resolveAsm();

  /// An alias is the same storage under another name: it takes its
  /// target's section, and the target is retained. Two names are special:
  /// under -DMODULE, module_init()/module_exit() define `init_module` and
  /// `cleanup_module` as aliases, which modpost wires into the module's
  /// init and exit slots. They are the module's initcall and exitcall
  /// entries, so a built-in and a modular build get the same verdicts.
  void resolveAliases();

  ASTContext &Ctx;
  SourceManager &SM;
  const LangOptions &LO;
  Preprocessor *PP;
  const ExtraSections &Extra;
  TuFacts Facts;
  DenseMap<const Decl *, unsigned> Index;
  DenseSet<std::pair<uint64_t, unsigned>> Seen;
  DenseSet<const Expr *> Calls, Subscripted, AddressTaken;
  std::vector<const FileScopeAsmDecl *> AsmDecls;
  std::vector<const Decl *> SymbolDecls; ///< Canonical decl per symbol.
  DenseSet<const Decl *> Referenced;     ///< Canonical decls used so far.
  DenseMap<const Decl *, const Decl *> PendingDefs; ///< Deferred, by canon.
  std::vector<const Decl *> Ready;       ///< Deferred and now referenced.
  const Decl *Forced = nullptr;          ///< Being drained: no deferral.
  std::unique_ptr<ASTNameGenerator> Mangler;
  std::optional<unsigned> Current;
};

} // namespace collect
} // namespace initcheck

#endif
