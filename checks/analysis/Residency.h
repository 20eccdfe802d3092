//===- Residency.h - Who can run a function after boot ----------*- C++ -*-===//
//
// The call graph decides between an error and advice. A static function with
// no annotation that only init code calls is really init code the author
// forgot to mark; one that resident code calls, or whose address escapes,
// can run after init memory is gone.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_RESIDENCY_H
#define INITCHECK_CHECKS_RESIDENCY_H

#include "checks/analysis/Escapes.h"
#include "checks/model/Facts.h"
#include "checks/model/Reach.h"
#include <optional>
#include <vector>

namespace initcheck {

class Residency {
public:
  /// With \p ExternalHelpers, unannotated external functions get their
  /// phases from their users too: right only for a whole program, where
  /// every user is known (initcheck link --suggest). \p Edges are extra
  /// references that only feed the call graph.
  explicit Residency(const TuFacts &Facts, bool ExternalHelpers = false,
                     const std::vector<Reference> *Edges = nullptr);

  /// The phases in which \p Sym can be used. For a symbol with a section of
  /// its own that is its section's phase; for an unannotated internal helper
  /// it is the union over its users.
  unsigned reach(unsigned Sym) const { return Reach[Sym]; }

  /// True for an unannotated internal function or object whose phases come
  /// from its users (the call graph), not from its section.
  bool isHelper(unsigned Sym) const { return Helper[Sym]; }

  /// A helper nothing uses: the compiler never emits it, so no reference in
  /// it exists in any object file (modpost-compat relies on this too).
  bool isDead(unsigned Sym) const {
    return Helper[Sym] && Reach[Sym] == ReachNone;
  }

  /// The reference that first made \p Sym reachable in phase \p Bit, to
  /// explain a verdict ("called from 'foo' here").
  std::optional<unsigned> witness(unsigned Sym, ReachBits Bit) const;

  /// An init or exit table whose contents stay in its phase (Escapes): the
  /// functions it names are used in that phase only.
  bool sealedTable(unsigned Sym) const { return Flows.sealed(Sym); }
  const Escapes &escapes() const { return Flows; }

private:
  std::vector<unsigned char> Reach;
  Escapes Flows;
  std::vector<bool> Helper;
  std::vector<int> Witness[NumReachBits];
};

/// The phase a section's own contents run in (ReachNone for .discard.*).
unsigned phaseOfClass(SectionClass C);

} // namespace initcheck

#endif
