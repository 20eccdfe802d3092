//===- UnitFlows.cpp - The flows a unit hands to the whole program --------===//
//
// What `initcheck link` needs to run the escape analysis (analysis/Escapes)
// across files, and only that: the summary of the parameters of the
// unit's external functions, and the init and exit values that leave the
// unit unresolved (docs/facts-format.md#flows).
//
//===----------------------------------------------------------------------===//
#include "checks/program/UnitSummary.h"
#include "checks/analysis/Escapes.h"
#include "checks/analysis/Residency.h"
#include "checks/program/JoinedEscapes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace initcheck {
namespace {

/// Where a parameter's value goes once the unit's own functions are
/// followed: to functions of other files (open, resolved at the link), or
/// somewhere that keeps it (closed: a store, a return, an indirect call).
class Frontier {
public:
  Frontier(const TuFacts &F, const Escapes &E)
      : F(F), E(E), ByParam(flowsByParameter(F)) {}

  /// A function another file defines, joined by name at the link.
  bool open(unsigned Fn) const {
    const Symbol &S = F.Symbols[Fn];
    return S.Kind == SymbolKind::Function && !S.Defined &&
           !S.InternalLinkage && !S.LinkName.empty();
  }

  /// The flows of parameter \p Param of \p Fn, followed through the unit:
  /// the first that keeps it here (Closed, then Open is moot), else the
  /// open ones, one per callee and argument.
  void of(unsigned Fn, unsigned Param, std::vector<const Flow *> &Open,
          const Flow *&Closed) const {
    Closed = nullptr;
    Open.clear();
    DenseSet<ParamNode> OpenSeen;
    walkParameter(F, E, ByParam, {Fn, Param},
                  [&](unsigned I, const DenseMap<ParamNode, unsigned> &) {
                    const Flow &Fl = F.Flows[I];
                    if (Fl.Sink != FlowSink::Argument ||
                        Fl.Target == NoSymbol || !open(Fl.Target)) {
                      Closed = &Fl;
                      return true;
                    }
                    if (OpenSeen.insert({Fl.Target, Fl.Arg}).second)
                      Open.push_back(&Fl);
                    return false;
                  });
  }

private:
  const TuFacts &F;
  const Escapes &E;
  ParamFlows ByParam;
};

/// In init or exit memory (code, data or tables).
bool phaseValue(const Symbol &S) {
  return phaseOfClass(S.Class) & (ReachInit | ReachExit);
}

/// A function with parameters, by its type as written.
bool takesArguments(const Symbol &S) {
  StringRef T = S.Type;
  return !S.IsIntVoid && !S.IsVoidVoid && !T.ends_with("(void)") &&
         !T.ends_with("()");
}

} // namespace

UnitFlows openFlows(const TuFacts &F, const Escapes &E) {
  UnitFlows Out;
  Frontier Where(F, E);
  std::vector<const Flow *> Open;
  const Flow *Closed;
  // The parameters of the external functions: what a caller in another
  // file needs to know of them.
  DenseSet<std::pair<unsigned, unsigned>> Params;
  for (const Flow &Fl : F.Flows)
    if (Fl.Value == NoSymbol)
      Params.insert({Fl.From, Fl.Param});
  for (unsigned I = 0; I != F.Symbols.size(); ++I) {
    const Symbol &S = F.Symbols[I];
    if (S.InternalLinkage || S.LinkName.empty() || !E.summarized(I) ||
        !takesArguments(S))
      continue;
    Out.Summarized.push_back(I);
  }
  std::vector<std::pair<unsigned, unsigned>> Sorted(Params.begin(),
                                                    Params.end());
  llvm::sort(Sorted);
  for (const auto &Node : Sorted) {
    unsigned Fn = Node.first, Param = Node.second;
    const Symbol &S = F.Symbols[Fn];
    if (S.InternalLinkage || S.LinkName.empty() || !E.summarized(Fn) ||
        !takesArguments(S))
      continue;
    Where.of(Fn, Param, Open, Closed);
    auto Add = [&](const Flow &Fl) {
      Flow P = Fl;
      P.From = Fn;
      P.Value = NoSymbol;
      P.Param = Param;
      // Returned by a function it was passed to: kept, somewhere in Fn.
      if (P.Sink == FlowSink::Returned && Fl.From != Fn)
        P.Sink = FlowSink::Unknown;
      Out.Flows.push_back(std::move(P));
    };
    if (Closed)
      Add(*Closed);
    else
      for (const Flow *Fl : Open)
        Add(*Fl);
  }
  // The init and exit values that leave the unit: passed to a function of
  // another file (directly, or through the unit's own functions), or
  // stored into an object another file defines.
  for (const Flow &Fl : F.Flows) {
    if (Fl.Value == NoSymbol || !phaseValue(F.Symbols[Fl.Value]))
      continue;
    bool Call = Fl.Sink == FlowSink::Argument && Fl.Target != NoSymbol;
    if (Call && Where.open(Fl.Target)) {
      Out.Flows.push_back(Fl);
    } else if (Call && E.summarized(Fl.Target) &&
               !keepsNoArgument(F.Symbols[Fl.Target])) {
      Where.of(Fl.Target, Fl.Arg, Open, Closed);
      if (Closed) // the unit sees the escape itself
        continue;
      for (const Flow *Inner : Open) {
        Flow V = Fl;
        V.Target = Inner->Target;
        V.Arg = Inner->Arg;
        V.Loc = Inner->Loc;
        Out.Flows.push_back(std::move(V));
      }
    } else if (Fl.Sink == FlowSink::Global && Fl.Target != NoSymbol) {
      const Symbol &T = F.Symbols[Fl.Target];
      if (!T.Defined && !T.InternalLinkage && !T.LinkName.empty())
        Out.Flows.push_back(Fl);
    }
  }
  // The uses of the objects a summary stores into (loads, calls through,
  // clears): the link's evidence that resident code reads what another
  // file's init code had stored there.
  DenseSet<unsigned> Stores;
  for (const Flow &Fl : Out.Flows)
    if (Fl.Sink == FlowSink::Global && Fl.Value == NoSymbol)
      Stores.insert(Fl.Target);
  for (const Flow &Fl : F.Flows)
    if (isUse(Fl.Sink) && Stores.count(Fl.Value))
      Out.Flows.push_back(Fl);
  return Out;
}

} // namespace initcheck
