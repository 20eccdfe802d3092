//===- Unevaluated.cpp - Operands that leave no code behind ---------------===//
//
// sizeof, typeof, _Static_assert, noexcept, the branches _Generic and
// __builtin_choose_expr do not select, builtins that only ask about their
// operand (__builtin_constant_p, __builtin_object_size), a cast to void of
// an expression without side effects, and a constant read as a constant:
// CodeGen emits nothing that references what they name.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

bool Collector::TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
bool Collector::TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
bool Collector::TraverseTypeOfExprType(TypeOfExprType *) { return true; }
bool Collector::TraverseDecltypeType(DecltypeType *) { return true; }
bool Collector::TraverseStaticAssertDecl(StaticAssertDecl *) { return true; }
// A template argument is a constant the instantiation uses: the reference
// (and its relocation) is in the instantiation, which is visited on its
// own, not where the argument is written (`call<fn>()`), nor in the
// written arguments of the specialization.
bool Collector::TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) {
  return true;
}
bool Collector::TraverseTemplateArgument(const TemplateArgument &) {
  return true;
}
bool Collector::TraverseOffsetOfExpr(OffsetOfExpr *, DataRecursionQueue *) {
  return true;
}
bool Collector::TraverseCXXNoexceptExpr(CXXNoexceptExpr *, DataRecursionQueue *) {
  return true;
}
bool Collector::TraverseCXXTypeidExpr(CXXTypeidExpr *E, DataRecursionQueue *) {
  return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E) : true;
}
bool Collector::TraverseGenericSelectionExpr(GenericSelectionExpr *E,
                                             DataRecursionQueue *) {
  return E->isResultDependent() ? true : TraverseStmt(E->getResultExpr());
}
bool Collector::TraverseChooseExpr(ChooseExpr *E, DataRecursionQueue *) {
  return E->isConditionDependent() ? true : TraverseStmt(E->getChosenSubExpr());
}
bool Collector::TraverseConceptSpecializationExpr(ConceptSpecializationExpr *,
                                                  DataRecursionQueue *) {
  return true;
}
bool Collector::TraverseRequiresExpr(RequiresExpr *, DataRecursionQueue *) {
  return true;
}

// Builtins whose operand is never evaluated, like sizeof's: CodeGen folds
// them or emits only a query the optimizer answers, and no relocation
// survives at any -O.
bool Collector::TraverseCallExpr(CallExpr *E, DataRecursionQueue *) {
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

// `(void)fn;`, `(void)&fn;`, `(void)*ptr;`: a discarded expression without
// side effects. CodeGen emits at most a dead load for it, which instruction
// selection drops at every -O: no relocation remains. A discarded call,
// assignment or volatile read is emitted.
bool Collector::TraverseCStyleCastExpr(CStyleCastExpr *E, DataRecursionQueue *) {
  return isDiscardedPure(E) ? true : Base::TraverseCStyleCastExpr(E);
}
bool Collector::TraverseCXXStaticCastExpr(CXXStaticCastExpr *E,
                                          DataRecursionQueue *) {
  return isDiscardedPure(E) ? true : Base::TraverseCXXStaticCastExpr(E);
}
bool Collector::TraverseCXXFunctionalCastExpr(CXXFunctionalCastExpr *E,
                                              DataRecursionQueue *) {
  return isDiscardedPure(E) ? true : Base::TraverseCXXFunctionalCastExpr(E);
}

bool Collector::isDiscardedPure(const ExplicitCastExpr *E) const {
  if (E->getCastKind() != CK_ToVoid)
    return false;
  const Expr *Op = E->getSubExpr();
  if (Op->isValueDependent() || Op->containsErrors() ||
      Op->getType().isVolatileQualified())
    return false;
  return !Op->HasSideEffects(Ctx, /*IncludePossibleEffects=*/true);
}

// CodeGen emits the value of a name clang marks as not odr-used
// (tryEmitAsConstant), not the object. Not an element of an array
// (`limits[i]`, even `limits[1]`), which CodeGen reads from the object at
// -O0.
bool Collector::readAsConstant(const Expr *E) const {
  NonOdrUseReason R = isa<DeclRefExpr>(E) ? cast<DeclRefExpr>(E)->isNonOdrUse()
                                          : cast<MemberExpr>(E)->isNonOdrUse();
  return R == NOUR_Unevaluated ||
         (R == NOUR_Constant && !E->getType()->isArrayType() &&
          !Subscripted.count(E));
}

} // namespace collect
} // namespace initcheck
