//===- Residency.cpp - Who can run a function after boot ------------------===//
#include "checks/analysis/Residency.h"
#include "checks/analysis/Escapes.h"
#include <deque>

namespace initcheck {

unsigned phaseOfClass(SectionClass C) {
  switch (C) {
  case SectionClass::Init:
  case SectionClass::InitTable:
    return ReachInit;
  case SectionClass::Exit:
  case SectionClass::ExitTable:
    return ReachExit;
  case SectionClass::Ref:
    return ReachRef;
  case SectionClass::Unchecked:
    return ReachNone;
  default: // resident text and data, __ref, .head.text, export tables
    return ReachResident;
  }
}

Residency::Residency(const TuFacts &Facts, bool ExternalHelpers,
                     const std::vector<Reference> *Edges)
    : Flows(Facts) {
  const auto &Syms = Facts.Symbols;
  size_t N = Syms.size();
  Reach.assign(N, ReachNone);
  Helper.assign(N, false);
  for (auto &W : Witness)
    W.assign(N, -1);
  // A table of function pointers in init (or exit) memory is only read
  // while that memory exists: storing a helper function's address there is
  // a use in that phase, like an initcall entry, as long as nothing copies
  // the table or its pointers out of it (Escapes). Anywhere else an address
  // escapes and the helper may run at any time. An object's address in
  // such a table escapes too: init code hands `platform_add_devices(devs,
  // n)` a table of devices that the driver core keeps, so the table is no
  // evidence that the objects die with it.
  for (size_t I = 0; I != N; ++I) {
    const Symbol &S = Syms[I];
    if (S.FixedReach) { // decided in its own unit, with its whole call graph
      Reach[I] = S.FixedReach;
      continue;
    }
    bool Local = S.InternalLinkage ||
                 (ExternalHelpers && S.Kind == SymbolKind::Function);
    Helper[I] = S.Defined && Local && !S.ExplicitSection && !S.Retained &&
                S.Kind != SymbolKind::AsmEntry && isResident(S.Class);
    if (!Helper[I])
      Reach[I] = phaseOfClass(S.Class);
  }
  // References into helpers, by user; Refs first, then the extra edges
  // (reference R >= Refs.size() is edge R - Refs.size()).
  const std::vector<Reference> &Refs = Facts.Refs;
  size_t NumAll = Refs.size() + (Edges ? Edges->size() : 0);
  auto At = [&](size_t R) -> const Reference & {
    return R < Refs.size() ? Refs[R] : (*Edges)[R - Refs.size()];
  };
  if (ExternalHelpers) {
    // An external function nothing in the program references is an entry
    // point (asm, a module, a callback table built elsewhere): a root that
    // runs any time, not dead code.
    std::vector<bool> HasUser(N, false);
    for (size_t R = 0; R != NumAll; ++R)
      HasUser[At(R).To] = true;
    for (size_t I = 0; I != N; ++I)
      if (Helper[I] && !Syms[I].InternalLinkage && !HasUser[I]) {
        Helper[I] = false;
        Reach[I] = ReachResident;
      }
  }
  // Out[First[I], First[I + 1]): the references from I into helpers, in
  // order (one array: a whole program has a quarter of a million symbols).
  std::vector<unsigned> First(N + 1, 0), Out;
  for (size_t R = 0; R != NumAll; ++R)
    if (Helper[At(R).To])
      ++First[At(R).From + 1];
  for (size_t I = 0; I != N; ++I)
    First[I + 1] += First[I];
  Out.resize(First[N]);
  {
    std::vector<unsigned> Next(First.begin(), First.end() - 1);
    for (size_t R = 0; R != NumAll; ++R)
      if (Helper[At(R).To])
        Out[Next[At(R).From]++] = R;
  }

  // Breadth-first from the annotated code, in source order: each witness
  // is then the last step of a shortest chain from a root, so the notes that
  // explain a verdict are short, deterministic and never circular.
  std::deque<unsigned> Work;
  for (unsigned I = 0; I != N; ++I)
    if (Reach[I] != ReachNone && First[I] != First[I + 1])
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned From = Work.front();
    Work.pop_front();
    for (unsigned K = First[From]; K != First[From + 1]; ++K) {
      unsigned R = Out[K];
      const Reference &Ref = At(R);
      unsigned Bits = Reach[From];
      // Under a phase guard resident code runs as init code does, on its
      // author's word: like __ref, which vouches the same way, so a helper
      // only guarded code calls is never advised into .init.text.
      if (Ref.Guard && (Bits & ReachResident))
        Bits = (Bits & ~ReachResident) | ReachRef;
      if (Ref.Kind == RefKind::AddressOf && Bits &&
          !(Flows.sealed(From) && Syms[Ref.To].Kind == SymbolKind::Function))
        Bits = ReachResident;
      unsigned New = Bits & ~Reach[Ref.To];
      if (!New)
        continue;
      for (unsigned B = 0; B != NumReachBits; ++B)
        if ((New & (1u << B)) && Witness[B][Ref.To] < 0)
          Witness[B][Ref.To] = R;
      Reach[Ref.To] |= New;
      Work.push_back(Ref.To);
    }
  }
  Flows.findEscapes([&](unsigned Sym) { return unsigned(Reach[Sym]); });
}

std::optional<unsigned> Residency::witness(unsigned Sym, ReachBits Bit) const {
  unsigned B = 0;
  while (B + 1 < NumReachBits && !(Bit & (1u << B)))
    ++B;
  if (Witness[B][Sym] < 0)
    return std::nullopt;
  return Witness[B][Sym];
}

} // namespace initcheck
