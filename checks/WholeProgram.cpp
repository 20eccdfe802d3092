//===- WholeProgram.cpp - Facts of many objects joined into one -----------===//
#include "checks/WholeProgram.h"
#include "checks/InitcallTable.h"
#include "checks/Residency.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace llvm;

namespace initcheck {

/// Take the definition's facts into the joined symbol.
static void takeDefinition(Symbol &Into, const Symbol &Def) {
  bool Retained = Into.Retained || Def.Retained;
  Into = Def;
  Into.Retained = Retained;
}

WholeProgram joinFacts(std::vector<TuFacts> Units,
                       const std::vector<std::string> &Objects) {
  WholeProgram P;
  TuFacts &Out = P.Facts;
  StringMap<unsigned> External;
  // A strong definition overrides a weak one (init/main.c's __weak
  // free_initmem() and x86's __ref one): the linker keeps the strong body,
  // so references made by the overridden weak body are dropped at the end.
  std::vector<int> DefUnit;          ///< Per joined symbol: the winning unit.
  std::vector<unsigned> RefUnit, EdgeUnit;
  std::vector<DenseSet<unsigned>> UnitDefines(Units.size());
  for (size_t U = 0; U != Units.size(); ++U) {
    TuFacts &T = Units[U];
    std::vector<unsigned> Map(T.Symbols.size());
    for (size_t I = 0; I != T.Symbols.size(); ++I) {
      Symbol &S = T.Symbols[I];
      if (S.InternalLinkage || S.LinkName.empty()) {
        Map[I] = Out.Symbols.size();
        DefUnit.push_back(U);
        Out.Symbols.push_back(std::move(S));
        continue;
      }
      auto [It, New] = External.try_emplace(S.LinkName, Out.Symbols.size());
      Map[I] = It->second;
      if (S.Defined)
        UnitDefines[U].insert(It->second);
      if (New) {
        DefUnit.push_back(S.Defined ? int(U) : -1);
        Out.Symbols.push_back(S);
        continue;
      }
      Symbol &G = Out.Symbols[It->second];
      // The (strong) definition decides the section; failing one, an
      // annotated declaration is better evidence than a plain one.
      if ((S.Defined && (!G.Defined || (G.Weak && !S.Weak))) ||
          (!S.Defined && !G.Defined && S.ExplicitSection &&
           !G.ExplicitSection)) {
        takeDefinition(G, S);
        if (S.Defined)
          DefUnit[It->second] = U;
      } else {
        G.Retained |= S.Retained;
      }
    }
    for (Reference &R : T.Refs) {
      // External symbols were copied, not moved: this is the unit's view.
      const Symbol &Seen = T.Symbols[R.To];
      bool Plain = !Seen.InternalLinkage && !Seen.LinkName.empty() &&
                   !Seen.Defined && !Seen.ExplicitSection;
      P.PlainDeclaration.push_back(Plain ? std::optional<Location>(Seen.Loc)
                                         : std::nullopt);
      R.From = Map[R.From];
      R.To = Map[R.To];
      Out.Refs.push_back(R);
      RefUnit.push_back(U);
    }
    for (Reference &E : T.Edges) {
      E.From = Map[E.From];
      E.To = Map[E.To];
      Out.Edges.push_back(E);
      EdgeUnit.push_back(U);
    }
    for (Initcall &C : T.Initcalls) {
      C.Entry = Map[C.Entry];
      C.Function = Map[C.Function];
      Out.Initcalls.push_back(C);
      P.InitcallObject.push_back(U < Objects.size() ? Objects[U] : "");
    }
    Out.DataSections |= T.DataSections;
    Out.KernelWithoutModules |= T.KernelWithoutModules;
  }
  // Drop what overridden (weak) bodies referenced.
  auto Overridden = [&](const Reference &R, unsigned U) {
    return UnitDefines[U].count(R.From) && DefUnit[R.From] != int(U);
  };
  std::vector<Reference> Refs;
  std::vector<std::optional<Location>> Plain;
  for (size_t R = 0; R != Out.Refs.size(); ++R)
    if (!Overridden(Out.Refs[R], RefUnit[R])) {
      Refs.push_back(Out.Refs[R]);
      Plain.push_back(P.PlainDeclaration[R]);
    }
  Out.Refs = std::move(Refs);
  P.PlainDeclaration = std::move(Plain);
  std::vector<Reference> Edges;
  for (size_t E = 0; E != Out.Edges.size(); ++E)
    if (!Overridden(Out.Edges[E], EdgeUnit[E]))
      Edges.push_back(Out.Edges[E]);
  Out.Edges = std::move(Edges);
  // A plain declaration matters only where the definition is annotated.
  for (size_t R = 0; R != Out.Refs.size(); ++R)
    if (!Out.Symbols[Out.Refs[R].To].ExplicitSection)
      P.PlainDeclaration[R].reset();
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
    if (S.Kind != SymbolKind::Function || !S.Defined || S.InSystemHeader)
      continue;
    if (Whole.isHelper(I) && Whole.reach(I) == ReachInit)
      Out.push_back({Suggestion::CouldBeInit, I});
    else if (S.Class == SectionClass::Init && !Used[I] && !S.Retained)
      Out.push_back({Suggestion::DeadInit, I});
  }
  return Out;
}

std::vector<unsigned> initcallOrder(const WholeProgram &P) {
  std::vector<unsigned> Order;
  for (unsigned I = 0; I != P.Facts.Initcalls.size(); ++I)
    if (isInitLevel(P.Facts.Initcalls[I].Level))
      Order.push_back(I);
  // Initcalls were appended in link order, each unit's in position order:
  // sorting by level, then by that index, keeps both.
  llvm::sort(Order, [&](unsigned A, unsigned B) {
    int RA = levelRank(P.Facts.Initcalls[A].Level),
        RB = levelRank(P.Facts.Initcalls[B].Level);
    return RA != RB ? RA < RB : A < B;
  });
  return Order;
}

} // namespace initcheck
