//===- JoinedEscapes.cpp - Escapes that take more than one file -----------===//
#include "checks/program/JoinedEscapes.h"
#include "checks/rules/SymbolDescription.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>
#include <deque>

using namespace llvm;

namespace initcheck {

void walkParameter(
    const TuFacts &F, const Escapes &E, const ParamFlows &ByParam,
    ParamNode Start,
    function_ref<bool(unsigned, const DenseMap<ParamNode, unsigned> &)>
        Leaves) {
  DenseMap<ParamNode, unsigned> Via;
  Via[Start] = ~0u;
  std::deque<ParamNode> Work = {Start};
  while (!Work.empty()) {
    auto It = ByParam.find(Work.front());
    Work.pop_front();
    if (It == ByParam.end())
      continue;
    for (unsigned I : It->second) {
      const Flow &Fl = F.Flows[I];
      bool Call = Fl.Sink == FlowSink::Argument && Fl.Target != NoSymbol;
      if (Call && keepsNoArgument(F.Symbols[Fl.Target]))
        continue;
      if (!Call || !E.summarized(Fl.Target)) {
        if (Leaves(I, Via))
          return;
      } else if (Via.try_emplace({Fl.Target, Fl.Arg}, I).second) {
        Work.push_back({Fl.Target, Fl.Arg});
      }
    }
  }
}

std::vector<EscapePath> joinedEscapes(const TuFacts &F, const Escapes &E) {
  ParamFlows ByParam = flowsByParameter(F);
  std::vector<EscapePath> Out;
  for (unsigned I = 0; I != F.Flows.size(); ++I) {
    const Flow &Fl = F.Flows[I];
    if (Fl.Value == NoSymbol)
      continue;
    if (Fl.Sink == FlowSink::Global) {
      Out.push_back({I, {}});
      continue;
    }
    if (Fl.Sink != FlowSink::Argument || Fl.Target == NoSymbol ||
        !E.summarized(Fl.Target) || !E.argumentEscapes(Fl.Target, Fl.Arg))
      continue;
    // The shortest path to the first flow that keeps it.
    std::vector<unsigned> Steps;
    walkParameter(F, E, ByParam, {Fl.Target, Fl.Arg},
                  [&](unsigned Leaf, const DenseMap<ParamNode, unsigned> &Via) {
                    Steps = {Leaf};
                    for (unsigned V = Via.lookup({F.Flows[Leaf].From,
                                                  F.Flows[Leaf].Param});
                         V != ~0u;
                         V = Via.lookup({F.Flows[V].From, F.Flows[V].Param}))
                      Steps.push_back(V);
                    std::reverse(Steps.begin(), Steps.end());
                    return true;
                  });
    if (!Steps.empty())
      Out.push_back({I, std::move(Steps)});
  }
  return Out;
}

std::string describeFlow(const TuFacts &F, const Flow &Fl) {
  const auto &Syms = F.Symbols;
  switch (Fl.Sink) {
  case FlowSink::Global: {
    std::string S = "stored in " + describeSymbol(Syms[Fl.Target]);
    if (!Fl.Field.empty())
      S += " (" + Syms[Fl.Target].Name + Fl.Field + ")";
    return S;
  }
  case FlowSink::Argument:
    if (Fl.Target == NoSymbol)
      return "passed to an indirect call (argument " + std::to_string(Fl.Arg) +
             ")";
    return "passed to " + describeSymbol(Syms[Fl.Target]) + " (argument " +
           std::to_string(Fl.Arg) + ")";
  case FlowSink::Returned:
    return "returned by " + describeSymbol(Syms[Fl.From]);
  case FlowSink::Unknown:
  case FlowSink::Read: // uses are evidence, never a step of a path
  case FlowSink::Called:
  case FlowSink::Cleared:
    break;
  }
  return "stored where the analysis cannot follow it, in " +
         describeSymbol(Syms[Fl.From]);
}

} // namespace initcheck
