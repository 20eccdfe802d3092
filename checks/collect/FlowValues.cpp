//===- FlowValues.cpp - Which names a value comes from, where it goes ----===//
//
// The expression side of the flow tracker (Flows.h): the storage an
// assignment's left side designates, and the names whose address or
// contents an operand's value carries.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"
#include "clang/AST/IgnoreExpr.h"

namespace initcheck {
namespace collect {

/// Wrappers that pass their operand's value (and kind of value) through:
/// those clang's IgnoreParens steps over (parentheses, `__extension__`, a
/// non-dependent `_Generic` or `__builtin_choose_expr`), and the implicit
/// ones a C++ full-expression or default argument wraps a value in.
static const Expr *passThrough(const Expr *E) {
  Expr *Mutable = const_cast<Expr *>(E);
  if (Expr *Inner = IgnoreParensSingleStep(Mutable); Inner != Mutable)
    return Inner;
  if (auto *F = dyn_cast<FullExpr>(E))
    return F->getSubExpr();
  if (auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return B->getSubExpr();
  if (auto *D = dyn_cast<CXXDefaultArgExpr>(E))
    return D->getExpr();
  if (auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return D->getExpr();
  if (auto *O = dyn_cast<OpaqueValueExpr>(E))
    return O->getSourceExpr();
  return nullptr;
}

FlowTracker::Mark FlowTracker::destination(const Expr *E) {
  Mark M;
  SmallVector<std::string, 4> Path; // innermost last
  while (E) {
    if (const Expr *Inner = passThrough(E)) {
      E = Inner;
    } else if (auto *Cast = dyn_cast<CastExpr>(E);
               Cast && Cast->getCastKind() == CK_NoOp) {
      E = Cast->getSubExpr();
    } else if (auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(ME->getMemberDecl())) {
        if (auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
          M.Sink = FlowSink::Global;
          M.Target = C.symbolFor(VD);
        }
        break;
      }
      Path.push_back(("." + ME->getMemberDecl()->getName()).str());
      if (!ME->isArrow()) {
        E = ME->getBase();
        continue;
      }
      Mark Base = pointee(ME->getBase());
      M = Base;
      break;
    } else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      Path.push_back("[]");
      const Expr *Base = AS->getBase()->IgnoreParens();
      auto *Decay = dyn_cast<ImplicitCastExpr>(Base);
      if (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay) {
        E = Decay->getSubExpr();
        continue;
      }
      M = pointee(AS->getBase());
      break;
    } else if (auto *U = dyn_cast<UnaryOperator>(E);
               U && U->getOpcode() == UO_Deref) {
      M = pointee(U->getSubExpr());
      break;
    } else if (auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (VD->hasLocalStorage()) {
          M.ToLocal = true;
          M.Target = slotFor(VD);
        } else if (!VD->getDeclContext()->isDependentContext()) {
          M.Sink = FlowSink::Global;
          M.Target = C.symbolFor(VD);
        }
      }
      break;
    } else {
      break;
    }
  }
  if (M.Sink == FlowSink::Global || M.ViaSlot)
    for (auto It = Path.rbegin(); It != Path.rend(); ++It)
      M.Field = *It + M.Field;
  return M;
}

FlowTracker::Mark FlowTracker::pointee(const Expr *P) {
  while (P) {
    P = P->IgnoreParens();
    if (auto *Cast = dyn_cast<CastExpr>(P)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return destination(Cast->getSubExpr());
      P = Cast->getSubExpr();
    } else if (auto *U = dyn_cast<UnaryOperator>(P);
               U && U->getOpcode() == UO_AddrOf) {
      return destination(U->getSubExpr());
    } else {
      break;
    }
  }
  Mark M; // a pointer's target: anywhere, or what a local points to
  if (auto *DRE = dyn_cast_or_null<DeclRefExpr>(P))
    if (auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasLocalStorage() && VD->getType()->isPointerType())
      M.ViaSlot = slotFor(VD) + 1;
  return M;
}

static bool isBooleanCast(CastKind K) {
  switch (K) {
  case CK_PointerToBoolean:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
  case CK_MemberPointerToBoolean:
  case CK_ToVoid:
    return true;
  default:
    return false;
  }
}

/// Builtins that return their first argument.
static bool returnsFirstArgument(unsigned ID) {
  return ID == Builtin::BI__builtin_expect ||
         ID == Builtin::BI__builtin_assume_aligned ||
         ID == Builtin::BI__builtin_launder ||
         ID == Builtin::BI__builtin_addressof;
}

namespace {
/// Pushes an operand of \p From, with what changes: whether it is an
/// lvalue, dereferenced, read.
struct StepPusher {
  const FlowTracker::ValueItem &From;
  SmallVectorImpl<FlowTracker::ValueItem> &Work;
  void operator()(const Expr *Sub, std::optional<bool> LV = {},
                  std::optional<bool> D = {}, std::optional<bool> R = {}) {
    Work.push_back({Sub, LV.value_or(From.IsLValue), D.value_or(From.Deref),
                    R.value_or(From.Read)});
  }
};
} // namespace

void FlowTracker::markValue(const Expr *Top, const Mark &M, bool TopIsLValue) {
  // A worklist: pointer arithmetic nests as deep as expressions do.
  SmallVector<ValueItem, 8> Work{{Top, TopIsLValue, M.Deref, M.Read}};
  while (!Work.empty()) {
    ValueItem I = Work.pop_back_val();
    if (I.E && !stepName(I, M, Work))
      stepComposite(I, Work);
  }
}

/// A name (the root: its mark is left for the visit), a wrapper, a cast or
/// a unary operator; false for anything else.
bool FlowTracker::stepName(const ValueItem &I, const Mark &M,
                           SmallVectorImpl<ValueItem> &Work) {
  auto [E, IsLValue, Deref, Read] = I;
  StepPusher Push{I, Work};
  if (const Expr *Inner = passThrough(E)) {
    Push(Inner);
  } else if (isa<DeclRefExpr>(E) ||
             (isa<MemberExpr>(E) &&
              !isa<FieldDecl>(cast<MemberExpr>(E)->getMemberDecl()))) {
    Mark Root = M;
    Root.Deref = Deref;
    Root.Read = Read && IsLValue;
    Bodies.back().Marks[E].push_back(std::move(Root));
  } else if (auto *Cast = dyn_cast<CastExpr>(E)) {
    CastKind K = Cast->getCastKind();
    if (isBooleanCast(K))
      return true;
    if (K == CK_LValueToRValue)
      Push(Cast->getSubExpr(), true, {}, true);
    else if (K == CK_ArrayToPointerDecay || K == CK_FunctionToPointerDecay)
      Push(Cast->getSubExpr(), true, {}, false);
    else
      Push(Cast->getSubExpr(), Cast->getSubExpr()->isGLValue(), {},
           IsLValue ? Read : true);
  } else if (auto *U = dyn_cast<UnaryOperator>(E)) {
    switch (U->getOpcode()) {
    case UO_AddrOf:
      Push(U->getSubExpr(), true, {}, false);
      break;
    case UO_Deref:
      Push(U->getSubExpr(), false, true);
      break;
    case UO_PreInc: case UO_PreDec: case UO_PostInc: case UO_PostDec:
      Push(U->getSubExpr(), true, {}, true);
      break;
    default: // !p, -x, ~x: nothing an address survives in
      break;
    }
  } else {
    return false;
  }
  return true;
}

/// The operand of a member, subscript, arithmetic, conditional or
/// aggregate whose value the whole carries. Anything else computes a new
/// value (a call's result is its callee's business: its arguments were
/// marked as passed).
void FlowTracker::stepComposite(const ValueItem &I,
                                SmallVectorImpl<ValueItem> &Work) {
  auto [E, IsLValue, Deref, Read] = I;
  StepPusher Push{I, Work};
  if (auto *ME = dyn_cast<MemberExpr>(E)) {
    if (ME->isArrow())
      Push(ME->getBase(), false, true);
    else
      Push(ME->getBase(), true);
  } else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = AS->getBase()->IgnoreParens();
    auto *Decay = dyn_cast<ImplicitCastExpr>(Base);
    if (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay)
      Push(Decay->getSubExpr(), true);
    else
      Push(AS->getBase(), false, true);
  } else if (auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma) {
      Push(BO->getRHS());
    } else if (BO->isAssignmentOp()) {
      Push(BO->getLHS(), true, {}, true);
    } else if (BO->isAdditiveOp() && BO->getType()->isPointerType()) {
      Push(BO->getLHS(), false);
      Push(BO->getRHS(), false);
    }
  } else if (auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Push(CO->getTrueExpr());
    Push(CO->getFalseExpr());
  } else if (auto *IL = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : IL->inits())
      Push(Init, Init->isGLValue(), {}, true);
  } else if (auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
    Push(CL->getInitializer(), false);
  } else if (auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
    Push(MT->getSubExpr(), MT->getSubExpr()->isGLValue());
  } else if (auto *SE = dyn_cast<StmtExpr>(E)) {
    if (const CompoundStmt *CS = SE->getSubStmt(); CS && !CS->body_empty())
      if (auto *Last = dyn_cast<Expr>(CS->body_back()))
        Push(Last, Last->isGLValue());
  } else if (auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // A copy the compiler makes itself; other constructors are calls.
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && Ctor->isCopyOrMoveConstructor() && Ctor->isTrivial() &&
        CE->getNumArgs() >= 1)
      Push(CE->getArg(0), true, {}, true);
  } else if (auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && Call->getNumArgs() >= 1 &&
        (returnsFirstArgument(FD->getBuiltinID()) ||
         (FD->isInStdNamespace() && FD->getIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward"))))
      Push(Call->getArg(0), Call->getArg(0)->isGLValue());
  }
}

} // namespace collect
} // namespace initcheck
