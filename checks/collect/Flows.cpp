//===- Flows.cpp - Where a function moves the values it computes ----------===//
#include "checks/collect/Collector.h"
#include "checks/collect/Locations.h"
#include "checks/model/KernelApis.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

namespace initcheck {
namespace collect {

void FlowTracker::begin(unsigned Fn, const Decl *D) {
  Bodies.emplace_back();
  Bodies.back().Fn = Fn;
  Bodies.back().D = D;
}

void FlowTracker::end() {
  resolve(Bodies.back());
  Bodies.pop_back();
}

unsigned FlowTracker::slotFor(const VarDecl *VD) {
  Body &B = Bodies.back();
  auto [It, New] = B.Slots.try_emplace(VD, B.SlotVars.size());
  if (New) {
    B.SlotVars.push_back(VD);
    B.Edges.emplace_back();
    B.Exits.emplace_back();
    B.In.emplace_back();
  }
  return It->second;
}

/// memcpy and friends copy the source's contents into the destination.
static bool isCopy(const FunctionDecl *FD) {
  switch (FD->getBuiltinID()) {
  case Builtin::BImemcpy:
  case Builtin::BImemmove:
  case Builtin::BI__builtin_memcpy:
  case Builtin::BI__builtin_memmove:
  case Builtin::BI__builtin_memcpy_inline:
  case Builtin::BI__builtin___memcpy_chk:
  case Builtin::BI__builtin___memmove_chk:
  case Builtin::BImempcpy:
  case Builtin::BI__builtin_mempcpy:
    return true;
  default:
    break;
  }
  const IdentifierInfo *II = FD->getIdentifier();
  return II && (II->getName() == "memcpy" || II->getName() == "memmove" ||
                II->getName() == "__memcpy" || II->getName() == "__memmove");
}

void FlowTracker::noteCall(const CallExpr *E) {
  const FunctionDecl *FD = E->getDirectCallee();
  if (FD && isCopy(FD) && E->getNumArgs() >= 2) {
    Mark M = pointee(E->getArg(0));
    M.Deref = true;
    M.Loc = E->getBeginLoc();
    markValue(E->getArg(1), M);
    return;
  }
  if (FD && FD->getBuiltinID()) {
    // __sync_* and __atomic_* builtins store their operands through the
    // first; the others read them (or return the first: markValue).
    StringRef Name = FD->getName();
    if (!Name.starts_with("__sync_") && !Name.starts_with("__atomic_"))
      return;
    Mark M = E->getNumArgs() ? pointee(E->getArg(0)) : Mark();
    M.Loc = E->getBeginLoc();
    for (unsigned I = 1; I < E->getNumArgs(); ++I)
      markValue(E->getArg(I), M);
    return;
  }
  unsigned Offset = 0;
  bool Api = FD && FD->getIdentifier() && isKernelApi(FD->getName());
  Mark Object; // `this` of a member call: a method may keep it
  Object.Loc = E->getBeginLoc();
  if (isa<CXXOperatorCallExpr>(E) && isa_and_nonnull<CXXMethodDecl>(FD))
    Offset = 1;
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    markValue(MC->getImplicitObjectArgument(), Object,
              MC->getImplicitObjectArgument()->isGLValue());
  for (unsigned I = 0; I < E->getNumArgs(); ++I) {
    if (I < Offset) {
      markValue(E->getArg(I), Object, E->getArg(I)->isGLValue());
      continue;
    }
    Mark M;
    M.Sink = FlowSink::Argument;
    M.Target = FD ? C.symbolFor(FD) : NoSymbol;
    M.Arg = I - Offset;
    M.Always = Api;
    M.Loc = E->getArg(I)->getExprLoc();
    markValue(E->getArg(I), M, E->getArg(I)->isGLValue());
  }
}

void FlowTracker::noteStatement(const Stmt *S) {
  if (Bodies.empty())
    return;
  if (auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() != BO_Assign)
      return;
    Mark M = destination(BO->getLHS());
    M.Loc = BO->getOperatorLoc();
    noteCleared(BO, M);
    markValue(BO->getRHS(), M);
  } else if (auto *Cast = dyn_cast<ImplicitCastExpr>(S)) {
    noteRead(Cast);
  } else if (isa<GotoStmt, IndirectGotoStmt>(S)) {
    Bodies.back().Left = true;
  } else if (auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Mark M = destination(Op->getArg(0));
    M.Loc = Op->getOperatorLoc();
    M.Read = true;
    markValue(Op->getArg(1), M, Op->getArg(1)->isGLValue());
  } else if (auto *Call = dyn_cast<CallExpr>(S)) {
    noteCall(Call);
  } else if (auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || (Ctor->isCopyOrMoveConstructor() && Ctor->isTrivial()))
      return;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      Mark M;
      M.Sink = FlowSink::Argument;
      M.Target = C.symbolFor(Ctor);
      M.Arg = I;
      M.Loc = CE->getArg(I)->getExprLoc();
      markValue(CE->getArg(I), M, CE->getArg(I)->isGLValue());
    }
  } else if (auto *R = dyn_cast<ReturnStmt>(S)) {
    Bodies.back().Left = true;
    Mark M;
    M.Sink = FlowSink::Returned;
    M.Loc = R->getReturnLoc();
    if (const Expr *V = R->getRetValue())
      markValue(V, M, V->isGLValue());
  } else if (auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
        Mark M;
        if (VD->hasLocalStorage()) {
          M.ToLocal = true;
          M.Target = slotFor(VD);
        } else if (VD->isStaticLocal()) {
          M.Sink = FlowSink::Global;
          M.Target = C.symbolFor(VD);
        }
        M.Loc = VD->getLocation();
        markValue(VD->getInit(), M, VD->getInit()->isGLValue());
      }
  } else if (auto *Asm = dyn_cast<GCCAsmStmt>(S)) {
    Mark M;
    M.Loc = Asm->getAsmLoc();
    for (const Expr *In : Asm->inputs())
      markValue(In, M, In->isGLValue());
  } else if (auto *A = dyn_cast<AtomicExpr>(S)) {
    Mark M = pointee(A->getPtr());
    M.Loc = A->getBuiltinLoc();
    for (const Stmt *Child : A->children())
      if (auto *Sub = dyn_cast_or_null<Expr>(Child); Sub && Sub != A->getPtr())
        markValue(Sub, M, Sub->isGLValue());
  } else if (auto *L = dyn_cast<LambdaExpr>(S)) {
    // A closure runs whenever its holder calls it: what it captures escapes.
    Mark M;
    M.Loc = L->getBeginLoc();
    for (const Expr *Init : L->capture_inits())
      if (Init)
        markValue(Init, M, Init->isGLValue());
  } else if (auto *BE = dyn_cast<BlockExpr>(S)) {
    Mark M;
    M.Loc = BE->getCaretLocation();
    for (const BlockDecl::Capture &Cap : BE->getBlockDecl()->captures())
      if (Cap.getVariable()->hasLocalStorage())
        Bodies.back().Exits[slotFor(Cap.getVariable())].push_back(M);
  } else if (auto *New = dyn_cast<CXXNewExpr>(S)) {
    Mark M; // into the heap
    M.Loc = New->getBeginLoc();
    if (const Expr *Init = New->getInitializer())
      markValue(Init, M, Init->isGLValue());
  }
}

SmallVector<FlowTracker::Mark, 1> FlowTracker::takeMarks(const Expr *E) {
  SmallVector<Mark, 1> Out;
  if (Bodies.empty())
    return Out;
  auto &Marks = Bodies.back().Marks;
  auto It = Marks.find(E);
  if (It != Marks.end()) {
    Out = std::move(It->second);
    Marks.erase(It);
  }
  return Out;
}

void FlowTracker::noteGlobal(const Expr *E, unsigned Sym) {
  for (const Mark &M : takeMarks(E)) {
    bool Contents = M.Read || M.Deref;
    // Its pointer read, then followed: what it points to is copied.
    bool Indirect = M.Read && M.Deref;
    if (M.ToLocal)
      Bodies.back().In[M.Target].push_back({Sym, Contents, Indirect});
    else
      emit(Sym, 0, Contents, M, Indirect);
    if (M.ViaSlot)
      Bodies.back().ThroughLocals.push_back({Sym, Contents, Indirect, M});
  }
}

void FlowTracker::noteLocal(const Expr *E, const VarDecl *VD) {
  SmallVector<Mark, 1> Marks = takeMarks(E);
  if (Marks.empty())
    return;
  unsigned From = slotFor(VD);
  Body &B = Bodies.back();
  for (const Mark &M : Marks) {
    if (M.ToLocal)
      B.Edges[From].push_back({M.Target, M.Deref});
    else
      B.Exits[From].push_back(M);
  }
}

void FlowTracker::emit(unsigned Value, unsigned Param, bool Contents,
                       const Mark &M, bool Indirect) {
  const Body &B = Bodies.back();
  if (Value != NoSymbol && !M.Always) {
    // Only init and exit memory can dangle; other values need no record.
    SectionClass K = C.Facts.Symbols[Value].Class;
    if (K != SectionClass::Init && K != SectionClass::Exit &&
        K != SectionClass::InitTable && K != SectionClass::ExitTable)
      return;
  }
  std::string Key = join(ArrayRef<std::string>{
                             utostr(B.Fn), utostr(Value), utostr(Param),
                             utostr(Contents + 2 * Indirect),
                             utostr(unsigned(M.Sink)),
                             utostr(M.Target), utostr(M.Arg), M.Field},
                         ",");
  if (!Emitted.insert(Key).second)
    return;
  Flow F;
  F.From = B.Fn;
  F.Value = Value;
  F.Param = Param;
  F.Contents = Contents;
  F.Indirect = Indirect;
  F.Sink = M.Sink;
  F.Target = M.Target;
  F.Arg = M.Arg;
  F.Field = M.Field;
  F.Loc.Loc = M.Loc;
  C.Facts.Flows.push_back(std::move(F));
}

/// The global object at the root of a `.`/`[]` path (`ops.tbl[i].fn`).
static const VarDecl *globalRoot(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (auto *Cast = dyn_cast<CastExpr>(E);
        Cast && (Cast->getCastKind() == CK_NoOp ||
                 Cast->getCastKind() == CK_ArrayToPointerDecay)) {
      E = Cast->getSubExpr();
    } else if (auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
        return nullptr;
      E = ME->getBase();
    } else if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasGlobalStorage() &&
                     !VD->getDeclContext()->isDependentContext()
                 ? VD
                 : nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

void FlowTracker::addUse(FlowSink Sink, const Mark &Dest, SourceLocation Loc) {
  Flow F;
  F.From = Bodies.back().Fn;
  F.Value = F.Target = Dest.Target;
  F.Sink = Sink;
  F.Field = Dest.Field;
  F.Loc.Loc = Loc;
  Uses.push_back(std::move(F));
}

void FlowTracker::noteRead(const ImplicitCastExpr *Cast) {
  if (Cast->getCastKind() != CK_LValueToRValue ||
      !Cast->getType()->isAnyPointerType() || !globalRoot(Cast->getSubExpr()))
    return;
  Mark Dest = destination(Cast->getSubExpr());
  if (Dest.Sink != FlowSink::Global)
    return;
  bool Call = C.Calls.count(Cast->getSubExpr()->IgnoreParenImpCasts());
  addUse(Call ? FlowSink::Called : FlowSink::Read, Dest, Cast->getExprLoc());
}

void FlowTracker::noteCleared(const BinaryOperator *BO, const Mark &Dest) {
  Body &B = Bodies.back();
  if (Dest.Sink != FlowSink::Global || B.Left)
    return;
  // A null pointer clears it; any other value overwrites what was stored
  // before (`kmem_cache = &boot_kmem_cache; ... kmem_cache = bootstrap(...)`;
  // a value of init memory stored last is an escape of its own). Not an
  // element of an array: the path does not say which.
  if (BO->getRHS()->isNullPointerConstant(
          C.Ctx, Expr::NPC_ValueDependentIsNotNull) == Expr::NPCK_NotNull &&
      StringRef(Dest.Field).contains("[]"))
    return;
  auto *CS = dyn_cast_or_null<CompoundStmt>(B.D->getBody());
  if (!CS || !llvm::is_contained(CS->body(), BO))
    return;
  addUse(FlowSink::Cleared, Dest, BO->getOperatorLoc());
}

void FlowTracker::finish(const SourceManager &SM) {
  DenseSet<unsigned> Stored;
  for (const Flow &F : C.Facts.Flows)
    if (F.Sink == FlowSink::Global || F.Sink == FlowSink::Argument)
      Stored.insert(F.Target);
  for (const Flow &F : C.Facts.Flows)
    if (F.Sink == FlowSink::Argument && F.Value != NoSymbol)
      Stored.insert(F.Value);
  StringSet<> Seen;
  for (Flow &F : Uses) {
    // One read or call per function and field is evidence enough; every
    // clear counts, since its place says what it overwrites.
    std::string Key = join(
        ArrayRef<std::string>{utostr(F.From), utostr(F.Value),
                              utostr(unsigned(F.Sink)), F.Field,
                              F.Sink == FlowSink::Cleared
                                  ? utostr(F.Loc.Loc.getRawEncoding())
                                  : ""},
        ",");
    if (Stored.contains(F.Value) && Seen.insert(Key).second)
      C.Facts.Flows.push_back(std::move(F));
  }
  Uses.clear();
  for (Flow &F : C.Facts.Flows)
    resolveLocation(F.Loc, SM);
}

void FlowTracker::resolve(Body &B) {
  // Each slot's exits, with whether the value reaches them dereferenced:
  // a walk per slot and state, so a function's locals cost their edges
  // once per value that enters them.
  size_t N = B.SlotVars.size();
  auto Reach = [&](unsigned Start, bool Contents, auto &&Each) {
    std::vector<unsigned char> Seen(N, 0);
    SmallVector<std::pair<unsigned, bool>, 8> Work{{Start, Contents}};
    while (!Work.empty()) {
      auto [S, Deref] = Work.pop_back_val();
      unsigned char Bit = Deref ? 2 : 1;
      if (Seen[S] & Bit)
        continue;
      Seen[S] |= Bit;
      for (const Mark &M : B.Exits[S])
        Each(M, Deref || M.Deref);
      for (const Edge &E : B.Edges[S])
        Work.push_back({E.To, Deref || E.Deref});
    }
  };
  for (unsigned S = 0; S != N; ++S) {
    for (const Incoming &I : B.In[S])
      Reach(S, false, [&](const Mark &M, bool DerefAfter) {
        emit(I.Sym, 0, I.Contents || DerefAfter, M,
             I.Indirect || (I.Contents && DerefAfter));
      });
    auto *PVD = dyn_cast<ParmVarDecl>(B.SlotVars[S]);
    if (PVD && cast<Decl>(PVD->getDeclContext()) == B.D)
      Reach(S, false, [&](const Mark &M, bool Contents) {
        emit(NoSymbol, PVD->getFunctionScopeIndex(), Contents, M);
      });
  }
  // `p = &ops; p->fn = v;`: a store into each object p is given the
  // address of (the Unknown flow stays: the seal is unchanged).
  for (const Body::Via &V : B.ThroughLocals)
    for (const Incoming &I : B.In[V.M.ViaSlot - 1])
      if (!I.Contents && C.Facts.Symbols[I.Sym].Kind == SymbolKind::Variable) {
        Mark M = V.M;
        M.Sink = FlowSink::Global;
        M.Target = I.Sym;
        M.ViaSlot = 0;
        emit(V.Sym, 0, V.Contents, M, V.Indirect);
      }
}

} // namespace collect
} // namespace initcheck
