//===- JoinedEscapes.cpp - Escapes that take more than one file -----------===//
#include "checks/program/JoinedEscapes.h"
#include "checks/rules/SymbolDescription.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>
#include <deque>

using namespace llvm;

namespace initcheck {

namespace {
using Node = std::pair<unsigned, unsigned>; // (function, parameter)

/// Breadth-first from parameter \p Start through the parameter flows: the
/// flows from the first one that keeps the value back to \p Start.
std::vector<unsigned>
pathFrom(const TuFacts &F, const Escapes &E,
         const DenseMap<Node, std::vector<unsigned>> &ByParam, Node Start) {
  // Per node reached: the flow that led there (~0u: the start).
  DenseMap<Node, unsigned> Via;
  Via[Start] = ~0u;
  std::deque<Node> Work = {Start};
  while (!Work.empty()) {
    Node N = Work.front();
    Work.pop_front();
    auto It = ByParam.find(N);
    if (It == ByParam.end())
      continue;
    for (unsigned I : It->second) {
      const Flow &Fl = F.Flows[I];
      bool Call = Fl.Sink == FlowSink::Argument && Fl.Target != NoSymbol;
      if (Call && keepsNoArgument(F.Symbols[Fl.Target]))
        continue;
      if (Call && E.summarized(Fl.Target)) {
        if (Via.try_emplace({Fl.Target, Fl.Arg}, I).second)
          Work.push_back({Fl.Target, Fl.Arg});
        continue;
      }
      std::vector<unsigned> Path = {I};
      for (Node At = N; Via[At] != ~0u; At = {F.Flows[Via[At]].From,
                                              F.Flows[Via[At]].Param})
        Path.push_back(Via[At]);
      std::reverse(Path.begin(), Path.end());
      return Path;
    }
  }
  return {};
}
} // namespace

std::vector<EscapePath> joinedEscapes(const TuFacts &F, const Escapes &E) {
  DenseMap<Node, std::vector<unsigned>> ByParam;
  for (unsigned I = 0; I != F.Flows.size(); ++I)
    if (F.Flows[I].Value == NoSymbol)
      ByParam[{F.Flows[I].From, F.Flows[I].Param}].push_back(I);
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
    std::vector<unsigned> Steps = pathFrom(F, E, ByParam, {Fl.Target, Fl.Arg});
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
    break;
  }
  return "stored where the analysis cannot follow it, in " +
         describeSymbol(Syms[Fl.From]);
}

} // namespace initcheck
