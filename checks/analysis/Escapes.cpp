//===- Escapes.cpp - Which init and exit values outlive their phase -------===//
#include "checks/analysis/Escapes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace initcheck {

bool isPhaseTable(const Symbol &S) {
  if (S.Kind == SymbolKind::Function)
    return false;
  switch (S.Class) {
  case SectionClass::Init:
  case SectionClass::InitTable:
  case SectionClass::Exit:
  case SectionClass::ExitTable:
    return S.ExplicitSection;
  default:
    return false;
  }
}

static bool initPhase(SectionClass C) {
  return C == SectionClass::Init || C == SectionClass::InitTable;
}

bool keepsNoArgument(const Symbol &Callee) {
  StringRef Name = Callee.Identifier;
  // async_schedule*(): the kernel waits for all of them
  // (async_synchronize_full() in kernel_init(), and in do_init_module()
  // for a module) before it frees init memory.
  if (Name.starts_with("async_schedule"))
    return true;
  return StringSwitch<bool>(Name)
      .Cases("memcmp", "bcmp", "strcmp", "strncmp", "strcasecmp", true)
      .Cases("strncasecmp", "strlen", "strnlen", "printk", "_printk", true)
      .Cases("printf", "puts", true)
      // Xen's cross-CPU call (common/smp.c): it returns only once every
      // selected CPU has taken the call (call_data.selected empty), and
      // smp_call_function_interrupt() reads call_data.func and .info only
      // for a CPU in call_data.selected, which only a later call sets.
      .Case("on_selected_cpus", true)
      .Default(false);
}

ParamFlows flowsByParameter(const TuFacts &F) {
  ParamFlows ByParam;
  for (unsigned I = 0; I != F.Flows.size(); ++I)
    if (F.Flows[I].Value == NoSymbol)
      ByParam[{F.Flows[I].From, F.Flows[I].Param}].push_back(I);
  return ByParam;
}

Escapes::Escapes(const TuFacts &F) : Facts(F) {
  summarizeParameters();
  sealTables();
}

void Escapes::summarizeParameters() {
  const TuFacts &F = Facts;
  const auto &Syms = F.Symbols;
  // Parameter summaries: a node per (function, parameter) with flows; one
  // is kept when it reaches storage, a return, or an unknown function, or
  // is passed on to a parameter that is (reverse edges, one walk).
  DenseMap<std::pair<unsigned, unsigned>, unsigned> Node;
  for (const Flow &Fl : F.Flows)
    if (Fl.Value == NoSymbol)
      Node.try_emplace({Fl.From, Fl.Param}, Node.size());
  std::vector<bool> Kept(Node.size(), false);
  std::vector<std::vector<unsigned>> PassedFrom(Node.size());
  for (const Flow &Fl : F.Flows) {
    if (Fl.Value != NoSymbol)
      continue;
    unsigned From = Node[{Fl.From, Fl.Param}];
    if (Fl.Sink == FlowSink::Argument && Fl.Target != NoSymbol &&
        (keepsNoArgument(Syms[Fl.Target]) || summarized(Fl.Target))) {
      auto It = Node.find({Fl.Target, Fl.Arg});
      if (It != Node.end() && !keepsNoArgument(Syms[Fl.Target]))
        PassedFrom[It->second].push_back(From);
      continue;
    }
    Kept[From] = true;
  }
  std::vector<unsigned> Work;
  for (unsigned I = 0; I != Kept.size(); ++I)
    if (Kept[I])
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned I = Work.back();
    Work.pop_back();
    for (unsigned Caller : PassedFrom[I])
      if (!Kept[Caller]) {
        Kept[Caller] = true;
        Work.push_back(Caller);
      }
  }
  ParamKept.reserve(Node.size());
  for (auto &[Key, I] : Node)
    ParamKept.push_back({Key, Kept[I]});
  llvm::sort(ParamKept);
}

void Escapes::sealTables() {
  const TuFacts &F = Facts;
  const auto &Syms = F.Symbols;
  size_t N = Syms.size();
  auto ArgumentKept = [&](unsigned Fn, unsigned Arg) {
    return Fn == NoSymbol || argumentEscapes(Fn, Arg);
  };

  // Tables: sealed until a flow or a holder shows otherwise. Another file
  // can copy an external table, so only this unit's internal ones (and
  // asm entries, which C cannot name) can be proved.
  Sealed.assign(N, false);
  Why.assign(N, Unsealed());
  auto Unseal = [&](unsigned T, Unsealed::KindT Kind, unsigned Index) {
    if (Sealed[T] || Why[T].Kind == Unsealed::No)
      Why[T] = {Kind, Index};
    Sealed[T] = false;
  };
  for (size_t I = 0; I != N; ++I) {
    const Symbol &S = Syms[I];
    if (!isPhaseTable(S))
      continue;
    Sealed[I] = F.HasAllFlows ? S.Defined && (S.InternalLinkage ||
                                              S.Kind == SymbolKind::AsmEntry)
                              : S.SealedTable;
    if (!Sealed[I] && F.HasAllFlows)
      Why[I] = {Unsealed::External, 0};
  }
  if (!F.HasAllFlows)
    return;
  std::vector<std::vector<unsigned>> Holds(N);
  // Init memory that holds a table (its initializer, or a store by init
  // code) passes it on when it is unsealed itself; anything else keeps it.
  auto SamePhase = [&](unsigned Holder, unsigned T) {
    const Symbol &H = Syms[Holder];
    return isPhaseTable(H) && initPhase(H.Class) == initPhase(Syms[T].Class);
  };
  for (size_t I = 0; I != F.Flows.size(); ++I) {
    const Flow &Fl = F.Flows[I];
    if (Fl.Value == NoSymbol || !isPhaseTable(Syms[Fl.Value]) ||
        isUse(Fl.Sink))
      continue;
    if (Fl.Sink == FlowSink::Global && SamePhase(Fl.Target, Fl.Value))
      Holds[Fl.Target].push_back(Fl.Value);
    else if (Fl.Sink != FlowSink::Argument || ArgumentKept(Fl.Target, Fl.Arg))
      Unseal(Fl.Value, Unsealed::ByFlow, I);
  }
  for (const Reference &R : F.Refs) {
    if (Syms[R.From].Kind == SymbolKind::Function || !isPhaseTable(Syms[R.To]))
      continue;
    if (SamePhase(R.From, R.To))
      Holds[R.From].push_back(R.To);
    else
      Unseal(R.To, Unsealed::HeldBy, R.From);
  }
  // What an unsealed table holds is reachable after its phase too.
  std::vector<unsigned> Work;
  for (unsigned I = 0; I != N; ++I)
    if (isPhaseTable(Syms[I]) && !Sealed[I])
      Work.push_back(I);
  std::vector<bool> Done(N, false);
  while (!Work.empty()) {
    unsigned I = Work.back();
    Work.pop_back();
    if (Done[I])
      continue;
    Done[I] = true;
    for (unsigned T : Holds[I]) {
      Unseal(T, Unsealed::HeldBy, I);
      Work.push_back(T);
    }
  }
}

bool Escapes::summarized(unsigned Fn) const {
  // A variadic function's extra arguments have no parameter to follow; a
  // weak definition may be replaced; system headers are not traversed.
  const Symbol &S = Facts.Symbols[Fn];
  return (Facts.HasAllFlows || S.ParamsSummarized) &&
         S.Kind == SymbolKind::Function && S.Defined &&
         !S.Weak && !S.InSystemHeader && !StringRef(S.Type).ends_with("...)");
}

bool Escapes::argumentEscapes(unsigned Fn, unsigned Arg) const {
  if (keepsNoArgument(Facts.Symbols[Fn]))
    return false;
  if (!summarized(Fn))
    return true;
  auto It = llvm::lower_bound(
      ParamKept, std::make_pair(std::make_pair(Fn, Arg), false));
  return It != ParamKept.end() && It->first == std::make_pair(Fn, Arg) &&
         It->second;
}

} // namespace initcheck
