//===- UnitSummary.cpp - What one unit hands to the whole program ---------===//
#include "checks/program/UnitSummary.h"
#include "checks/analysis/Residency.h"
#include "checks/rules/SymbolDescription.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace llvm;

namespace initcheck {

TuFacts summarizeUnit(const TuFacts &F) {
  Residency Reach(F);
  AnalysisOptions Defaults;
  RuleInput In{F, Reach, Defaults};
  auto IsTable = [](const Symbol &S) {
    return S.Class == SectionClass::InitTable ||
           S.Class == SectionClass::ExitTable ||
           S.Class == SectionClass::ExportTable;
  };
  std::vector<bool> KeepSym(F.Symbols.size(), false);
  for (size_t I = 0; I != F.Symbols.size(); ++I) {
    const Symbol &S = F.Symbols[I];
    bool External = !S.InternalLinkage && !S.LinkName.empty();
    // Annotated definitions resolve other files' references; every defined
    // external function is a node of the whole-program call graph.
    KeepSym[I] = IsTable(S) ||
                 (S.Defined && External &&
                  (S.ExplicitSection || S.Kind == SymbolKind::Function));
  }
  for (const Initcall &C : F.Initcalls)
    KeepSym[C.Entry] = KeepSym[C.Function] = true;
  std::vector<bool> KeepRef(F.Refs.size(), false);
  DenseSet<std::pair<unsigned, unsigned>> Pairs;
  for (size_t I = 0; I != F.Refs.size(); ++I) {
    const Reference &R = F.Refs[I];
    const Symbol &From = F.Symbols[R.From], &To = F.Symbols[R.To];
    bool Elsewhere = !To.Defined && !To.ExplicitSection &&
                     !To.InternalLinkage && !To.LinkName.empty();
    if (!IsTable(From) &&
        (!Elsewhere || Reach.reach(R.From) == ReachNone ||
         !Pairs.insert({R.From, R.To}).second))
      continue;
    KeepRef[I] = true;
    KeepSym[R.From] = KeepSym[R.To] = true;
  }
  // The call graph for --suggest: one edge per user and function, without
  // location; an address escape outranks a call.
  DenseMap<std::pair<unsigned, unsigned>, RefKind> EdgeKinds;
  std::vector<std::pair<unsigned, unsigned>> EdgeOrder;
  for (const Reference &R : F.Refs) {
    const Symbol &To = F.Symbols[R.To];
    if (To.Kind != SymbolKind::Function || Reach.reach(R.From) == ReachNone ||
        (To.InternalLinkage && To.Class != SectionClass::Init))
      continue;
    auto [It, New] = EdgeKinds.try_emplace({R.From, R.To}, R.Kind);
    if (New)
      EdgeOrder.push_back({R.From, R.To});
    else if (R.Kind == RefKind::AddressOf)
      It->second = RefKind::AddressOf;
    KeepSym[R.From] = KeepSym[R.To] = true;
  }
  // The flows the link follows across files, and the symbols they name.
  UnitFlows Flows = openFlows(F, Reach.escapes());
  for (const Flow &Fl : Flows.Flows)
    for (unsigned Sym : {Fl.From, Fl.Value, Fl.Target})
      if (Sym != NoSymbol)
        KeepSym[Sym] = true;
  for (unsigned Fn : Flows.Summarized)
    KeepSym[Fn] = true;
  TuFacts Out;
  Out.DataSections = F.DataSections;
  Out.KernelWithoutModules = F.KernelWithoutModules;
  Out.LinuxKernel = F.LinuxKernel;
  Out.Suppressions = F.Suppressions; // link has no source to find them in
  Out.Guards = F.Guards;
  std::vector<unsigned> Map(F.Symbols.size());
  for (size_t I = 0; I != F.Symbols.size(); ++I)
    if (KeepSym[I]) {
      Map[I] = Out.Symbols.size();
      Out.Symbols.push_back(F.Symbols[I]);
      Out.Symbols.back().SealedTable = Reach.sealedTable(I);
      if (Reach.isHelper(I)) {
        Symbol &S = Out.Symbols.back();
        S.FixedReach = Reach.reach(I);
        for (ReachBits B : {ReachInit, ReachExit, ReachResident, ReachRef}) {
          if (!(S.FixedReach & B))
            continue;
          std::vector<FindingNote> Notes;
          explainReach(In, I, B, Notes);
          for (FindingNote &N : Notes)
            S.FixedReachNotes.push_back({B, std::move(N)});
        }
      }
    }
  for (size_t I = 0; I != F.Refs.size(); ++I)
    if (KeepRef[I]) {
      Reference R = F.Refs[I];
      R.From = Map[R.From];
      R.To = Map[R.To];
      Out.Refs.push_back(R);
    }
  for (Initcall C : F.Initcalls) {
    C.Entry = Map[C.Entry];
    C.Function = Map[C.Function];
    Out.Initcalls.push_back(C);
  }
  for (unsigned Fn : Flows.Summarized)
    Out.Symbols[Map[Fn]].ParamsSummarized = true;
  for (Flow Fl : Flows.Flows) {
    for (unsigned *Sym : {&Fl.From, &Fl.Value, &Fl.Target})
      if (*Sym != NoSymbol)
        *Sym = Map[*Sym];
    Out.Flows.push_back(std::move(Fl));
  }
  for (auto [From, To] : EdgeOrder) {
    Reference E;
    E.From = Map[From];
    E.To = Map[To];
    E.Kind = EdgeKinds[{From, To}];
    Out.Edges.push_back(E);
  }
  return Out;
}

} // namespace initcheck
