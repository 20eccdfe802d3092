//===- Collector.h - The AST pass behind collectFacts() ---------*- C++ -*-===//
//
// Private to checks/collect: the one RecursiveASTVisitor, declared here and
// defined by concern: FactCollector.cpp (the traversal and references),
// DeadBranches.cpp (branches CodeGen folds away), Unevaluated.cpp (operands
// that leave no code), SymbolNames.cpp (a symbol's names, section and
// annotation), Initcalls.cpp (the initcall table), AsmAliases.cpp (file-scope
// asm, aliases), ImplicitUses.cpp (what C++, blocks and Objective-C call
// without naming), PhaseGuards.cpp, Flows.cpp + FlowValues.cpp (flows).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_COLLECT_COLLECTOR_H
#define INITCHECK_CHECKS_COLLECT_COLLECTOR_H

#include "checks/collect/FactCollector.h"
#include "checks/collect/AsmSections.h"
#include "checks/collect/PhaseGuards.h"
#include "checks/collect/Flows.h"
#include "checks/model/InitcallTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Compiler.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>

namespace initcheck {
namespace collect {

using namespace clang;
using namespace llvm;

// Hidden: private to the collector's files, so the module exports none of
// it and calls among its parts stay direct.
class LLVM_LIBRARY_VISIBILITY Collector
    : public RecursiveASTVisitor<Collector> {
  using Base = RecursiveASTVisitor<Collector>;

public:
  Collector(ASTContext &Ctx, Preprocessor *PP, const CollectOptions &Options)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), PP(PP),
        Extra(Options.Extra) {
    Facts.DataSections = Options.DataSections;
    Facts.Guards = Options.PhaseGuards;
    for (const std::string &G : Facts.Guards)
      GuardKeys.push_back(normalizeGuard(G));
  }

  TuFacts run();

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool TraverseDecl(Decl *D);

  // Expressions nest as deep as clang accepts (36,000 operands of `+`), and
  // the walk recurses once per level: each level makes sure enough stack is
  // left and goes on on a fresh one when not, as clang's Sema does.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr);

  // Unevaluated operands: no code, no relocation (also Unevaluated.cpp).
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E,
                                        DataRecursionQueue * = nullptr) {
    // sizeof of a variable-length array evaluates its operand.
    if (E->getKind() == UETT_SizeOf && E->getTypeOfArgument()->isVariableArrayType())
      return Base::TraverseUnaryExprOrTypeTraitExpr(E);
    return true;
  }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc);
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc);
  bool TraverseTypeOfExprType(TypeOfExprType *);
  bool TraverseDecltypeType(DecltypeType *);
  bool TraverseStaticAssertDecl(StaticAssertDecl *);
  bool TraverseOffsetOfExpr(OffsetOfExpr *, DataRecursionQueue * = nullptr);
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *, DataRecursionQueue * = nullptr);
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E, DataRecursionQueue * = nullptr);
  bool TraverseGenericSelectionExpr(GenericSelectionExpr *E,
                                    DataRecursionQueue * = nullptr);
  bool TraverseChooseExpr(ChooseExpr *E, DataRecursionQueue * = nullptr);
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *,
                                         DataRecursionQueue * = nullptr);
  bool TraverseRequiresExpr(RequiresExpr *, DataRecursionQueue * = nullptr);
  bool TraverseCallExpr(CallExpr *E, DataRecursionQueue * = nullptr);
  bool TraverseCStyleCastExpr(CStyleCastExpr *E, DataRecursionQueue * = nullptr);
  bool TraverseCXXStaticCastExpr(CXXStaticCastExpr *E,
                                 DataRecursionQueue * = nullptr);
  bool TraverseCXXFunctionalCastExpr(CXXFunctionalCastExpr *E,
                                     DataRecursionQueue * = nullptr);
  // A template argument is a constant the instantiation uses: the
  // reference is in the instantiation, visited on its own.
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &);
  bool TraverseTemplateArgument(const TemplateArgument &);

  // Branches the compiler drops: `if (IS_ENABLED(CONFIG_X) && ...)` with X
  // off never reaches the object file, so it references nothing. clang's
  // CodeGen folds these at every -O by the same test (constantFold below);
  // the condition itself is not emitted either.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr);
  /// An `if` on a declared phase guard: its then-branch's references are
  /// marked with the guard (PhaseGuards.cpp).
  bool traverseGuardedIf(IfStmt *S);
  bool TraverseConditionalOperator(ConditionalOperator *E,
                                   DataRecursionQueue * = nullptr);
  bool TraverseBinaryOperator(BinaryOperator *E,
                              DataRecursionQueue * = nullptr);
  // A switch on a constant, and code after a statement that always leaves.
  bool TraverseSwitchStmt(SwitchStmt *S, DataRecursionQueue * = nullptr);
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr);
  bool traverseSequence(ArrayRef<Stmt *> Stmts);
  /// A label (or a case outside a nested switch) can be jumped to, so the
  /// code around it is emitted even under a false condition.
  static bool containsLabel(const Stmt *S, bool IgnoreCases = false);

  // How an expression uses what it names (noteOperandUse), and where its
  // value goes (Flows). Parents are visited before their children, so these
  // marks are in place when the DeclRefExpr is visited.
  bool VisitStmt(Stmt *S);
  bool VisitDeclRefExpr(DeclRefExpr *E);

  // A lambda's body is a function of its own, in .text whatever encloses
  // it. Calling the closure is a call of its operator(); any other use of
  // the closure (a conversion to a function pointer, a copy into a
  // std::function or an algorithm, a capture) lets it run later, so its
  // address escapes.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E);
  // A symbol an inline asm template names in the function's own code
  // (`asm("call early_fixup")`) is a relocation of that function. Only
  // symbols with a section of their own, or defined in another file, are
  // looked for: a word of the template that merely spells a local helper's
  // name is not evidence enough (and such a helper must be __used anyway).
  bool VisitGCCAsmStmt(GCCAsmStmt *S);
  // `&&label` (GNU computed goto) is the address of code inside the
  // function that holds the label; a static table of them is data that
  // points into that function's section.
  bool VisitAddrLabelExpr(AddrLabelExpr *E);

  bool VisitLambdaExpr(LambdaExpr *E);
  bool VisitMemberExpr(MemberExpr *E);
  bool VisitCXXConstructExpr(CXXConstructExpr *E);
  // A default argument is evaluated at each call that omits it: report
  // there, not at the declaration every call shares.
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E,
                                 DataRecursionQueue * = nullptr);

  // Calls the source does not spell: the destructor of a temporary at the
  // end of its full-expression, `delete`'s destructor and operator delete,
  // a class's own operator new.
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E);
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E);
  bool VisitCXXNewExpr(CXXNewExpr *E);

private:
  friend class FlowTracker;
  /// The marks VisitStmt leaves for the names below \p S: the callee of a
  /// call, the array of a subscript, the object of `&` or of an
  /// array-to-pointer decay (its address is taken).
  void noteOperandUse(const Stmt *S);
  /// An Objective-C method body: code in .text (or its section attribute)
  /// that message dispatch can run at any time, through the class's method
  /// list, so it is never a helper.
  unsigned objcMethodSymbol(const ObjCMethodDecl *OMD);

  /// A block literal's body is a function of its own in .text; its address
  /// is stored in the block object where the literal is evaluated, so it
  /// escapes from there (blocks are only ever called through the object).
  unsigned blockSymbol(const BlockDecl *BD);

  /// Every call operator of a closure type: one, or the instantiations of
  /// a generic lambda's.
  void forEachCallOperator(const CXXRecordDecl *RD,
                           function_ref<void(const CXXMethodDecl *)> Fn);

  void closureEscapes(const CXXRecordDecl *RD, SourceLocation Loc);

  /// A local closure variable used other than by calling it.
  void noteClosureUse(const DeclRefExpr *E);

  /// "lambda in setup": named by the function or object that creates it.
  std::string lambdaName(const CXXMethodDecl *MD);

  /// The non-trivial destructor that destroys an object of type \p T (or
  /// each element of an array of them), if any.
  const CXXDestructorDecl *destructorOf(QualType T) const;

  /// What a local variable runs when its scope ends: the function of
  /// `__attribute__((cleanup(f)))` (the kernel's __free()), the destructor
  /// of an automatic object, and for a static local the destructor whose
  /// address the enclosing function registers with __cxa_atexit.
  void noteScopeExit(const VarDecl *VD);

  /// The calls and addresses a constructor, destructor or key function
  /// holds without spelling them: a destructor destroys its members and
  /// bases; a constructor or destructor of a dynamic class stores the
  /// address of its vtable, and the key function's file emits the vtable.
  void noteImplicitMemberCalls(const CXXMethodDecl *MD);

  /// The vtable of \p RD, a resident constant object. Defined here when
  /// this file emits it: where the key function is defined, or, for a
  /// class without one, wherever a constructor or destructor is emitted.
  /// Then it references every virtual function the class declares.
  unsigned vtableFor(const CXXRecordDecl *RD);

  /// A constructor or destructor stores its class's vtable pointer. An
  /// inline one is emitted only when used, so it counts once something
  /// references it (known only after the whole file is traversed).
  void resolveVTables();

  /// The value of a condition CodeGen folds (CodeGenFunction::
  /// ConstantFoldsToSimpleInteger): an integer constant with no side effects.
  std::optional<bool> constantFold(const Expr *Cond) const;
  /// A constexpr or const object read as a constant, not an odr-use.
  bool readAsConstant(const Expr *E) const;
  /// A cast to void of an expression without side effects.
  bool isDiscardedPure(const ExplicitCastExpr *E) const;
  /// The declared phase guard a condition is (PhaseGuards.cpp), or 0.
  unsigned short guardOf(const Expr *Cond);

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
    if (UseLoc.isValid())
      Loc = UseLoc;
    markReferenced(To);
    uint64_t Key = (uint64_t(*Current) << 32) | To;
    // By the place in the file: a macro naming the symbol twice is one.
    if (!Seen.insert({Key, SM.getFileLoc(Loc).getRawEncoding()}).second)
      return;
    Reference R;
    R.From = *Current;
    R.To = To;
    R.Kind = Kind;
    R.Guard = Current == GuardOwner ? CurrentGuard : 0;
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

  /// An external symbol's object-file name: asm label, identifier, mangled.
  std::string linkName(const NamedDecl *D);

  /// Every initcall and exitcall table entry, in file (and link) order.
  void extractInitcalls();

  /// The initcall function an LTO `__init __initstub__<id>()` calls.
  unsigned ltoStubTarget(unsigned Fn);

  Location at(SourceLocation L) {
    Location Out;
    Out.Loc = L;
    return Out;
  }

  /// The section attribute of one declaration, if it wrote one itself.
  static const SectionAttr *ownSection(const Decl *D);
  void describe(const NamedDecl *Canon, Symbol &S);
  /// The definition of an object, or the tentative definition C makes one
  /// of (`int x __initdata;`), from any of its declarations: clang's
  /// getActingDefinition() answers only when asked on a tentative one, and
  /// the canonical declaration is often a header's `extern`.
  static const VarDecl *actingDefinition(const VarDecl *VD);

  std::string defaultSection(const FunctionDecl *FD, const VarDecl *VD,
                             const Symbol &S);
  static std::string pragmaSection(const Decl *D);
  /// Remember the macro name the annotation was written with, when the
  /// attribute comes from a single macro token such as `__initdata`.
  void noteAnnotationSpelling(const SectionAttr *A, Symbol &S);

  /// Whether the section attribute comes from __init_or_module (or its
  /// data forms), at any depth of its macro expansion: the kernel writes
  /// `struct platform_device * __init_or_module f(...)`, and a project
  /// macro may wrap it.
  bool writtenInitOrModule(const SectionAttr *A) const;
  void findConflicts(const NamedDecl *Canon, const Decl *Def, Symbol &S);
  /// Where a fix-it may add `__init` (before the name) or `__initdata`
  /// (after the declarator, kernel style). Only for plain declarators
  /// written in a file; anything fancier gets no fix-it.
  void noteInsertion(const Decl *Def, Symbol &S);

  /// Symbols named by file-scope asm and alias attributes, by C name, once
  /// the whole file is known.
  std::optional<unsigned> lookupByName(StringRef Name);
  /// Namespace-scope functions and objects outside system headers, by
  /// mangled name; built the first time a C++ name is not found.
  void indexMangledNames();
  /// A function or object of that name whose declaration carries a
  /// section attribute, or that another file defines (whose section only
  /// the whole-program step knows).
  std::optional<unsigned> lookupAnnotatedByName(StringRef Name);
  static bool isSymbolName(StringRef Name);
  void resolveAsm();

  struct Aliasee {
    StringRef Name;         ///< The target, or an ifunc's resolver.
    bool IFunc = false;     ///< Its symbol lives in the resolver's section.
    const Decl *Carrier = nullptr; ///< The declaration with the attribute.
  };
  /// What an alias or ifunc declaration points at.
  static std::optional<Aliasee> aliasee(const Decl *D);
  /// The symbol an alias finally names: an alias of an alias is followed
  /// to the definition (clang rejects cycles; the walk is bounded anyway).
  std::optional<unsigned> finalAliasTarget(StringRef Name);

  /// An alias is the same storage under another name: it takes its
  /// target's section, and the target is retained. Two names are special:
  /// under -DMODULE, module_init()/module_exit() define `init_module` and
  /// `cleanup_module` as aliases, which modpost wires into the module's
  /// init and exit slots. They are the module's initcall and exitcall
  /// entries, so a built-in and a modular build get the same verdicts.
  /// An ifunc's symbol is defined in its resolver's section, and the
  /// resolver (called by the loader) is retained like an alias target.
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
  std::vector<std::string> GuardKeys; ///< normalizeGuard() of Facts.Guards.
  unsigned short CurrentGuard = 0; ///< In its then-branch, in GuardOwner.
  std::optional<unsigned> GuardOwner;
  FlowTracker Flows{*this};
  SourceLocation UseLoc; ///< Where a default argument being visited is used.
};

} // namespace collect
} // namespace initcheck

#endif
