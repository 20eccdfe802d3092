//===- WholeProgram.cpp - Facts of many objects joined into one -----------===//
#include "checks/program/WholeProgram.h"
#include "checks/model/InitcallTable.h"
#include "checks/analysis/Residency.h"
#include "llvm/ADT/CachedHashString.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Parallel.h"
#ifdef __linux__
#include <sys/mman.h>
#endif

using namespace llvm;

namespace initcheck {

/// Large arrays that are filled at once fault in 2 MiB at a time instead of
/// 4 KiB (a kernel's joined symbols take 60 MB): where transparent huge
/// pages are left to madvise, ask for them.
static void adviseHugePages(void *Begin, size_t Bytes) {
#ifdef __linux__
  constexpr uintptr_t Huge = 2u << 20;
  uintptr_t From = (reinterpret_cast<uintptr_t>(Begin) + Huge - 1) & ~(Huge - 1);
  uintptr_t To = (reinterpret_cast<uintptr_t>(Begin) + Bytes) & ~(Huge - 1);
  if (From < To)
    madvise(reinterpret_cast<void *>(From), To - From, MADV_HUGEPAGE);
#endif
}

namespace {

// Per joined symbol: the unit's symbol whose facts it takes (the strong
// definition decides the section; failing one, an annotated declaration
// is better evidence than a plain one), whether any unit retains it, and
// the unit whose definition the linker keeps (-1: none).
struct Source {
  uint32_t Unit, Index;
  int DefUnit;
  bool Retained;
  /// The source's own Defined, Weak and ExplicitSection, at hand for
  /// the next unit that declares the name.
  bool Defined, Weak, Explicit;
};
// A reference or edge of unit Unit (its index there), joined. A strong
// definition overrides a weak one (init/main.c's __weak free_initmem()
// and x86's __ref one): the linker keeps the strong body, so references
// made by the overridden weak body are dropped at the end.
struct JoinedRef {
  uint32_t Unit, Index, From, To;
  int Plain; ///< The unit's plain declaration of the target, or -1.
  bool FromDefinedHere;
  RefKind Kind;
};

/// The join, in link order: addUnit() takes each unit's symbols,
/// references, edges and initcalls; finish() drops what overridden weak
/// bodies referenced and copies the survivors' facts out of the records.
class Joiner {
public:
  Joiner(std::vector<FactsView> &Units, const std::vector<std::string> &Objects,
         bool WithCallGraph, WholeProgram &P);
  void addUnit(uint32_t U);
  void finish();

private:
  /// The flows of weak bodies the link overrides, as finish() drops their
  /// references.
  void dropOverriddenFlows();
  std::vector<FactsView> &Units;
  const std::vector<std::string> &Objects;
  bool WithCallGraph;
  WholeProgram &P;
  TuFacts &Out;
  std::vector<Source> Sources;
  /// Per joined symbol: 1 + the latest unit that defines it.
  std::vector<uint32_t> DefinedIn;
  DenseMap<CachedHashStringRef, unsigned> External;
  std::vector<JoinedRef> Refs, Edges;
  /// Per flow of Out.Flows: its unit, and whether that unit defines its
  /// function (a weak body the link overrides moves nothing).
  std::vector<std::pair<uint32_t, bool>> FlowUnits;
  std::vector<unsigned> Map;
  /// The symbols the objects moved (FactsView::Moved): joined symbol, unit,
  /// its index there, the section it was compiled into.
  std::vector<std::tuple<unsigned, uint32_t, uint32_t, uint32_t>> Moves;
  StringSet<> SeenSuppressions; ///< "file:line" of those in Out already.
  /// Per unit: its guard I is Out.Guards[GuardIndex[U][I - 1] - 1].
  std::vector<std::vector<unsigned short>> GuardIndex;
};

Joiner::Joiner(std::vector<FactsView> &Units,
               const std::vector<std::string> &Objects, bool WithCallGraph,
               WholeProgram &P)
    : Units(Units), Objects(Objects), WithCallGraph(WithCallGraph), P(P),
      Out(P.Facts) {
  size_t NumSymbols = 0, NumRefs = 0, NumEdges = 0;
  for (const FactsView &T : Units) {
    NumSymbols += T.Symbols.size();
    NumRefs += T.Refs.size();
    NumEdges += T.Edges.size();
  }
  Sources.reserve(NumSymbols);
  DefinedIn.reserve(NumSymbols);
  Refs.reserve(NumRefs);
  if (WithCallGraph)
    Edges.reserve(NumEdges);
}

void Joiner::addUnit(uint32_t U) {
  const FactsView &T = Units[U];
  Map.assign(T.Symbols.size(), 0);
  for (uint32_t I = 0; I != T.Symbols.size(); ++I) {
    const PackedSymbol &S = T.Symbols[I];
    StringRef LinkName = T.Strings[S.LinkName];
    if (S.InternalLinkage || LinkName.empty()) {
      Map[I] = Sources.size();
      Sources.push_back({U, I, int(U), S.Retained, S.Defined, S.Weak,
                         S.ExplicitSection});
      DefinedIn.push_back(0);
      continue;
    }
    auto [It, New] =
        External.try_emplace(CachedHashStringRef(LinkName), Sources.size());
    unsigned J = It->second;
    Map[I] = J;
    if (New) {
      Sources.push_back({U, I, S.Defined ? int(U) : -1, S.Retained,
                         S.Defined, S.Weak, S.ExplicitSection});
      DefinedIn.push_back(0);
    }
    if (S.Defined)
      DefinedIn[J] = U + 1;
    if (New)
      continue;
    Source &G = Sources[J];
    G.Retained |= S.Retained;
    if ((S.Defined && (!G.Defined || (G.Weak && !S.Weak))) ||
        (!S.Defined && !G.Defined && S.ExplicitSection && !G.Explicit)) {
      G.Unit = U;
      G.Index = I;
      G.Defined = S.Defined;
      G.Weak = S.Weak;
      G.Explicit = S.ExplicitSection;
      if (S.Defined)
        G.DefUnit = U;
    }
  }
  for (auto [I, Compiled] : T.Moved)
    Moves.push_back({Map[I], U, I, Compiled});
  for (uint32_t R = 0; R != T.Refs.size(); ++R) {
    const PackedReference &Ref = T.Refs[R];
    // The unit's own view of the target.
    const PackedSymbol &Seen = T.Symbols[Ref.To];
    bool Plain = !Seen.InternalLinkage && !T.Strings[Seen.LinkName].empty() &&
                 !Seen.Defined && !Seen.ExplicitSection;
    unsigned From = Map[Ref.From];
    Refs.push_back({U, R, From, Map[Ref.To], Plain ? int(Ref.To) : -1,
                    DefinedIn[From] == U + 1, Ref.Kind});
  }
  for (uint32_t E = 0; WithCallGraph && E != T.Edges.size(); ++E) {
    unsigned From = Map[T.Edges[E].From];
    Edges.push_back({U, E, From, Map[T.Edges[E].To], -1,
                     DefinedIn[From] == U + 1, T.Edges[E].Kind});
  }
  // Flows are few (what leaves each unit, docs/facts-format.md#flows):
  // copied out at once.
  for (uint32_t I = 0; I != T.Flows.size(); ++I) {
    Out.Flows.emplace_back();
    T.flow(I, Map, Out.Flows.back());
    FlowUnits.push_back({U, DefinedIn[Out.Flows.back().From] == U + 1});
  }
  for (const PackedInitcall &PC : T.Initcalls) {
    Initcall C;
    C.Level = T.Strings[PC.Level].str();
    C.Entry = Map[PC.Entry];
    C.Function = Map[PC.Function];
    C.Position = PC.Position;
    Out.Initcalls.push_back(std::move(C));
    P.InitcallFromRelocations.push_back(T.FromRelocations);
    P.InitcallObject.push_back(U < Objects.size() ? Objects[U] : "");
  }
  Out.DataSections |= T.DataSections;
  Out.KernelWithoutModules |= T.KernelWithoutModules;
  Out.LinuxKernel |= T.LinuxKernel;
  // The unit's phase guards, by their text, in Out.Guards.
  GuardIndex.emplace_back();
  for (uint32_t G : T.Guards) {
    StringRef Text = T.Strings[G];
    auto It = llvm::find(Out.Guards, Text);
    GuardIndex.back().push_back(It - Out.Guards.begin() + 1);
    if (It == Out.Guards.end())
      Out.Guards.push_back(Text.str());
  }
  for (const PackedSuppression &PS : T.Suppressions) {
    Suppression S;
    T.location(PS.Where, S.Where);
    S.Line = PS.Line;
    // A header's comment comes with every unit that includes it: once.
    if (!SeenSuppressions
             .insert(S.Where.File + ":" + std::to_string(S.Where.Line))
             .second)
      continue;
    for (uint32_t Rule : PS.Rules)
      S.Rules.push_back(T.Strings[Rule].str());
    S.Reason = T.Strings[PS.Reason].str();
    Out.Suppressions.push_back(std::move(S));
  }
}

void Joiner::dropOverriddenFlows() {
  size_t Kept = 0;
  for (size_t I = 0; I != Out.Flows.size(); ++I) {
    auto [U, DefinedHere] = FlowUnits[I];
    if (DefinedHere && Sources[Out.Flows[I].From].DefUnit != int(U))
      continue;
    if (Kept != I) // a string moved onto itself would be emptied
      Out.Flows[Kept] = std::move(Out.Flows[I]);
    ++Kept;
  }
  Out.Flows.resize(Kept);
}

void Joiner::finish() {
  // A move the object made matters where its symbol won the join.
  for (auto [J, U, I, Compiled] : Moves)
    if (Sources[J].Unit == U && Sources[J].Index == I)
      P.MovedByObject[J] = {Units[U].Strings[Compiled].str(),
                            U < Objects.size() ? Objects[U] : ""};

  auto Overridden = [&](const JoinedRef &R) {
    return R.FromDefinedHere && Sources[R.From].DefUnit != int(R.Unit);
  };
  llvm::erase_if(Refs, Overridden);
  llvm::erase_if(Edges, Overridden);
  dropOverriddenFlows();
  // A helper's notes (why it runs when it does) only explain findings about
  // its own references (explainReach starts at a reference's user): the
  // symbols that use nothing do without.
  std::vector<bool> IsUser(Sources.size(), false);
  for (const JoinedRef &R : Refs)
    IsUser[R.From] = true;
  // A plain declaration matters only where the definition is annotated
  // (a few references in a kernel).
  for (size_t I = 0; I != Refs.size(); ++I) {
    const JoinedRef &R = Refs[I];
    if (R.Plain >= 0 && Sources[R.To].Explicit)
      Units[R.Unit].location(Units[R.Unit].Symbols[R.Plain].Loc,
                             P.PlainDeclaration[I]);
  }
  // Strings are copied out of the records now, for the survivors only, a
  // unit at a time on every core; each unit's record is freed as soon as
  // it is done with, so its memory serves the next ones.
  if (llvm::any_of(Units,
                   [](const FactsView &T) { return T.FromRelocations; })) {
    P.RelocationRefOrigin.reserve(Refs.size());
    for (const Source &S : Sources)
      P.SymbolFromRelocations.push_back(Units[S.Unit].FromRelocations);
    for (const JoinedRef &R : Refs)
      P.RelocationRefOrigin.push_back(
          Units[R.Unit].FromRelocations
              ? std::make_pair(R.Unit, R.Index)
              : std::make_pair(WholeProgram::NotFromRelocations, 0u));
  } else {
    P.InitcallFromRelocations.clear();
  }
  std::vector<unsigned> SymbolsByUnit(Sources.size());
  std::vector<unsigned> SymbolsFrom(Units.size() + 1, 0);
  std::vector<unsigned> RefsFrom(Units.size() + 1, 0);
  for (const Source &S : Sources)
    ++SymbolsFrom[S.Unit + 1];
  for (const JoinedRef &R : Refs)
    ++RefsFrom[R.Unit + 1];
  for (size_t U = 0; U != Units.size(); ++U) {
    SymbolsFrom[U + 1] += SymbolsFrom[U];
    RefsFrom[U + 1] += RefsFrom[U];
  }
  {
    std::vector<unsigned> Next(SymbolsFrom.begin(), SymbolsFrom.end() - 1);
    for (unsigned J = 0; J != Sources.size(); ++J)
      SymbolsByUnit[Next[Sources[J].Unit]++] = J;
  }
  Out.Symbols.reserve(Sources.size());
  adviseHugePages(Out.Symbols.data(), Sources.size() * sizeof(Symbol));
  Out.Symbols.resize(Sources.size());
  Out.Refs.reserve(Refs.size());
  adviseHugePages(Out.Refs.data(), Refs.size() * sizeof(Reference));
  Out.Refs.resize(Refs.size());
  parallelFor(0, Units.size(), [&](size_t U) {
    FactsView &T = Units[U];
    for (unsigned K = SymbolsFrom[U]; K != SymbolsFrom[U + 1]; ++K) {
      unsigned J = SymbolsByUnit[K];
      T.symbol(Sources[J].Index, IsUser[J], Out.Symbols[J]);
      Out.Symbols[J].Retained = Sources[J].Retained;
    }
    // Refs are in unit order.
    for (unsigned I = RefsFrom[U]; I != RefsFrom[U + 1]; ++I) {
      const JoinedRef &R = Refs[I];
      Reference &Joined = Out.Refs[I];
      Joined.From = R.From;
      Joined.To = R.To;
      Joined.Kind = R.Kind;
      if (uint16_t G = T.Refs[R.Index].Guard)
        Joined.Guard = GuardIndex[U][G - 1];
      T.location(T.Refs[R.Index].Loc, Joined.Loc);
    }
    T = FactsView();
  });
  if (WithCallGraph) {
    Out.Edges.resize(Edges.size());
    for (size_t I = 0; I != Edges.size(); ++I) {
      Out.Edges[I].From = Edges[I].From;
      Out.Edges[I].To = Edges[I].To;
      Out.Edges[I].Kind = Edges[I].Kind;
    }
  }
}

} // namespace

WholeProgram joinFacts(std::vector<FactsView> Units,
                       const std::vector<std::string> &Objects,
                       bool WithCallGraph) {
  WholeProgram P;
  Joiner J(Units, Objects, WithCallGraph, P);
  for (uint32_t U = 0; U != Units.size(); ++U)
    J.addUnit(U);
  J.finish();
  return P;
}

std::vector<Suggestion> suggestInit(const WholeProgram &P) {
  const TuFacts &F = P.Facts;
  // The whole program is known: external functions take their phases from
  // their users, as static helpers do within a file.
  Residency Whole(F, /*ExternalHelpers=*/true, &F.Edges);
  std::vector<bool> Used(F.Symbols.size(), false);
  for (const Reference &R : F.Refs)
    Used[R.To] = true;
  for (const Reference &E : F.Edges)
    Used[E.To] = true;
  std::vector<Suggestion> Out;
  for (unsigned I = 0; I != F.Symbols.size(); ++I) {
    const Symbol &S = F.Symbols[I];
    if (S.Kind != SymbolKind::Function || !S.Defined || S.InSystemHeader ||
        (!P.SymbolFromRelocations.empty() && P.SymbolFromRelocations[I]))
      continue;
    if (Whole.isHelper(I) && Whole.reach(I) == ReachInit)
      Out.push_back({Suggestion::CouldBeInit, I});
    else if (S.Class == SectionClass::Init && !Used[I] && !S.Retained)
      Out.push_back({Suggestion::DeadInit, I});
  }
  return Out;
}

std::vector<unsigned> initcallOrder(const WholeProgram &P,
                                    const DeclaredLevels &Declared) {
  std::vector<unsigned> Order;
  for (unsigned I = 0; I != P.Facts.Initcalls.size(); ++I)
    if (isInitLevel(P.Facts.Initcalls[I].Level, Declared))
      Order.push_back(I);
  // Initcalls were appended in link order, each unit's in position order:
  // sorting by level, then by that index, keeps both.
  llvm::sort(Order, [&](unsigned A, unsigned B) {
    int RA = levelRank(P.Facts.Initcalls[A].Level, Declared),
        RB = levelRank(P.Facts.Initcalls[B].Level, Declared);
    return RA != RB ? RA < RB : A < B;
  });
  return Order;
}

} // namespace initcheck
