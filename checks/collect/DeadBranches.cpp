//===- DeadBranches.cpp - Branches the compiler drops ---------------------===//
//
// `if (IS_ENABLED(CONFIG_X) && ...)` with X off never reaches the object
// file, so it references nothing: the collector folds conditions as clang's
// CodeGen does, and skips the dead side unless a label makes it reachable.
// A switch on a constant keeps what CodeGen keeps (clang 19's
// FindCaseStatementsForValue and CollectStatementsForCase in
// lib/CodeGen/CGStmt.cpp), and code after a statement that always leaves
// is reached only by a label (EmitStmt without an insertion point).
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

/// The integer a condition CodeGen folds (ConstantFoldsToSimpleInteger).
static std::optional<APSInt> constantFoldInt(const Expr *Cond,
                                             const ASTContext &Ctx) {
  if (Cond->isTypeDependent() || Cond->containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!Cond->EvaluateAsInt(Result, Ctx) ||
      Collector::containsLabel(Cond))
    return std::nullopt;
  return Result.Val.getInt();
}

/// Whether \p Root or a statement under it is \p Wanted, not looking under
/// \p Opaque ones. A worklist: statements nest deeper than the stack would
/// take.
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

/// A declaration in the scope around \p S (mightAddDeclToScope).
static bool mightAddDeclToScope(const Stmt *S) {
  return findBelow<DeclStmt, IfStmt, SwitchStmt, WhileStmt, DoStmt, ForStmt,
                   CompoundStmt, CXXForRangeStmt, CXXTryStmt,
                   ObjCForCollectionStmt, ObjCAtTryStmt>(S);
}

static bool restHasLabel(CompoundStmt::body_iterator I,
                         CompoundStmt::body_iterator E) {
  for (; I != E; ++I)
    if (Collector::containsLabel(*I, /*IgnoreCases=*/true))
      return true;
  return false;
}

enum class Collected { Failure, FallThrough, Success };

static Collected collectCase(Stmt *S, const SwitchCase *Case, bool &Found,
                             SmallVectorImpl<Stmt *> &Live);

/// collectCase on a block: skip to the case (nothing skipped may hold a
/// label or a declaration), then collect up to the break.
static Collected collectBlock(CompoundStmt *CS, const SwitchCase *Case,
                              bool &Found, SmallVectorImpl<Stmt *> &Live) {
  auto I = CS->body_begin(), E = CS->body_end();
  bool StartedLive = Found;
  size_t StartSize = Live.size();
  if (Case) {
    bool SkippedDecl = false;
    for (; Case && I != E; ++I) {
      SkippedDecl |= mightAddDeclToScope(*I);
      switch (collectCase(*I, Case, Found, Live)) {
      case Collected::Failure:
        return Collected::Failure;
      case Collected::Success:
        if (Found)
          return SkippedDecl || restHasLabel(I + 1, E) ? Collected::Failure
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
      return restHasLabel(I + 1, E) ? Collected::Failure : Collected::Success;
    }
  }
  // Falling out of a scope with declarations: only the whole block can be
  // emitted, and only when it holds no break.
  if (AnyDecls) {
    if (!StartedLive || containsBreak(CS))
      return Collected::Failure;
    Live.resize(StartSize);
    Live.push_back(CS);
  }
  return Collected::FallThrough;
}

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
  if (auto *CS = dyn_cast<CompoundStmt>(S))
    return collectBlock(CS, Case, Found, Live);
  if (Case)
    return Collector::containsLabel(S, /*IgnoreCases=*/true)
               ? Collected::Failure
               : Collected::Success;
  if (containsBreak(S))
    return Collected::Failure;
  Live.push_back(S);
  return Collected::FallThrough;
}

/// The statements CodeGen emits for a switch on the constant \p Value, or
/// false when it emits the whole switch: the case with that value, else the
/// default, else nothing when the body holds no label; case ranges are not
/// folded.
static bool liveCaseStatements(const SwitchStmt &S, const APSInt &Value,
                               const ASTContext &Ctx,
                               SmallVectorImpl<Stmt *> &Live) {
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
      return !Collector::containsLabel(&S);
    Case = Default;
  }
  bool Found = false;
  return collectCase(const_cast<Stmt *>(S.getBody()), Case, Found, Live) !=
             Collected::Failure &&
         Found;
}

static bool leavesNoCode(const Stmt *S, const ASTContext &Ctx);

/// Whether control has surely left by the end of \p Stmts.
template <typename Range>
static bool sequenceLeaves(Range &&Stmts, const ASTContext &Ctx) {
  bool Left = false;
  for (const Stmt *Child : Stmts) {
    if (Left && Collector::containsLabel(Child))
      return false;
    Left = Left || leavesNoCode(Child, Ctx);
  }
  return Left;
}

/// After \p S control cannot fall through to the next statement, for sure:
/// a return, break, continue or goto; a block that leaves with no label
/// after that; an `if` or `switch` that CodeGen folds to code that leaves.
/// (Anything else may fall through.)
static bool leavesNoCode(const Stmt *S, const ASTContext &Ctx) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, IndirectGotoStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return sequenceLeaves(CS->body(), Ctx);
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (If->isConsteval() || If->getConditionVariable() || !If->getCond() ||
        If->getCond()->isValueDependent())
      return false;
    std::optional<APSInt> Folded = constantFoldInt(If->getCond(), Ctx);
    if (!Folded)
      return false;
    bool Then = Folded->getBoolValue();
    if (!If->isConstexpr() &&
        Collector::containsLabel(Then ? If->getElse() : If->getThen()))
      return false;
    return leavesNoCode(Then ? If->getThen() : If->getElse(), Ctx);
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    if (!Sw->getCond() || Sw->getCond()->isValueDependent())
      return false;
    std::optional<APSInt> Value = constantFoldInt(Sw->getCond(), Ctx);
    SmallVector<Stmt *, 4> Live;
    return Value && liveCaseStatements(*Sw, *Value, Ctx, Live) &&
           sequenceLeaves(Live, Ctx);
  }
  return false;
}

// A switch on a constant: only the statements that run from the matching
// case (or default) to the first break, and neither the condition nor any
// other case.
bool Collector::TraverseSwitchStmt(SwitchStmt *S, DataRecursionQueue *) {
  std::optional<APSInt> Value;
  if (S->getCond() && !S->getCond()->isValueDependent())
    Value = constantFoldInt(S->getCond(), Ctx);
  SmallVector<Stmt *, 4> Live;
  if (!Value || !liveCaseStatements(*S, *Value, Ctx, Live))
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
// nothing for it, so `if (!IS_ENABLED(CONFIG_X)) return; init_only();`
// references nothing with X off, and neither does `case 1: return a();
// case 2: return b();` past a(). Declarations are still traversed, as
// CodeGen still emits them (a static local's initializer among them).
bool Collector::TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue *) {
  if (!WalkUpFromCompoundStmt(S))
    return false;
  return traverseSequence(ArrayRef<Stmt *>(S->body_begin(), S->body_end()));
}

bool Collector::traverseSequence(ArrayRef<Stmt *> Stmts) {
  bool Reachable = true;
  for (Stmt *L : Stmts) {
    if (!Reachable && !containsLabel(L)) {
      if (isa<DeclStmt>(L) && !TraverseStmt(L))
        return false;
      continue;
    }
    if (!TraverseStmt(L))
      return false;
    Reachable = !leavesNoCode(L, Ctx);
  }
  return true;
}

bool Collector::TraverseIfStmt(IfStmt *S, DataRecursionQueue *) {
  std::optional<bool> Folded;
  if (!S->isConsteval() && !S->getConditionVariable() && S->getCond() &&
      !S->getCond()->isValueDependent())
    Folded = constantFold(S->getCond());
  if (!Folded)
    return traverseGuardedIf(S);
  Stmt *Live = *Folded ? S->getThen() : S->getElse();
  Stmt *Dead = *Folded ? S->getElse() : S->getThen();
  if (!S->isConstexpr() && containsLabel(Dead))
    return Base::TraverseIfStmt(S);
  return TraverseStmt(S->getInit()) && TraverseStmt(Live);
}

bool Collector::TraverseConditionalOperator(ConditionalOperator *E,
                                            DataRecursionQueue *) {
  std::optional<bool> Folded;
  if (!E->getCond()->isValueDependent())
    Folded = constantFold(E->getCond());
  if (!Folded || containsLabel(*Folded ? E->getFalseExpr() : E->getTrueExpr()))
    return Base::TraverseConditionalOperator(E);
  return TraverseStmt(*Folded ? E->getTrueExpr() : E->getFalseExpr());
}

bool Collector::TraverseBinaryOperator(BinaryOperator *E,
                                       DataRecursionQueue *) {
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

std::optional<bool> Collector::constantFold(const Expr *Cond) const {
  if (std::optional<APSInt> V = constantFoldInt(Cond, Ctx))
    return V->getBoolValue();
  return std::nullopt;
}

/// A worklist, not recursion: the statement may be nested deeper than the
/// stack would take.
bool Collector::containsLabel(const Stmt *Root, bool IgnoreCases) {
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

} // namespace collect
} // namespace initcheck
