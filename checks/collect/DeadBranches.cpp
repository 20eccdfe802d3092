//===- DeadBranches.cpp - Branches the compiler drops ---------------------===//
//
// `if (IS_ENABLED(CONFIG_X) && ...)` with X off never reaches the object
// file, so it references nothing: the collector folds conditions as clang's
// CodeGen does, and skips the dead side unless a label makes it reachable.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

bool Collector::TraverseIfStmt(IfStmt *S, DataRecursionQueue *) {
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
  if (Cond->isTypeDependent() || Cond->containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!Cond->EvaluateAsInt(Result, Ctx) || containsLabel(Cond))
    return std::nullopt;
  return Result.Val.getInt().getBoolValue();
}

bool Collector::containsLabel(const Stmt *S, bool IgnoreCases) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (!IgnoreCases && isa<SwitchCase>(S)))
    return true;
  if (isa<SwitchStmt>(S))
    IgnoreCases = true;
  for (const Stmt *Child : S->children())
    if (containsLabel(Child, IgnoreCases))
      return true;
  return false;
}

} // namespace collect
} // namespace initcheck
