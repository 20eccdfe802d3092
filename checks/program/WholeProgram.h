//===- WholeProgram.h - Facts of many objects joined into one ---*- C++ -*-===//
//
// What modpost sees in vmlinux.o, at source level: the facts of every
// translation unit, in link order, joined by symbol name, so the same rules
// judge references no single file could (a callee declared without __init
// here and defined __init elsewhere).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_WHOLEPROGRAM_H
#define INITCHECK_CHECKS_WHOLEPROGRAM_H

#include "checks/model/Facts.h"
#include "checks/model/InitcallTable.h"
#include "checks/facts/FactsFormat.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace initcheck {

struct WholeProgram {
  /// One symbol per external name, one per internal symbol of each unit.
  TuFacts Facts;
  /// By reference index: where its own file declared the target without
  /// any annotation, when the definition elsewhere has one (only those
  /// references are in the map).
  llvm::DenseMap<unsigned, Location> PlainDeclaration;
  /// Per initcall: the object it came from, and its link position.
  std::vector<std::string> InitcallObject;
  /// By symbol index: the symbols whose section the object changed after
  /// compiling (FactsView::Moved), for a note on findings about them.
  struct Move {
    std::string CompiledSection, Object;
  };
  llvm::DenseMap<unsigned, Move> MovedByObject;
  /// By reference index, where any unit is FactsView::FromRelocations:
  /// the unit and its index there for references read from relocations,
  /// NotFromRelocations for the others (empty when no unit is).
  static constexpr uint32_t NotFromRelocations = ~uint32_t(0);
  std::vector<std::pair<uint32_t, uint32_t>> RelocationRefOrigin;
  /// Per initcall, when RelocationRefOrigin is filled: read from relocations.
  std::vector<bool> InitcallFromRelocations;
  /// By symbol index, when RelocationRefOrigin is filled: the symbol's
  /// facts are an object's symbol table (never suggested: no source).
  std::vector<bool> SymbolFromRelocations;
};

/// Join translation units given in link order; \p Objects names the object
/// each unit came from (for the order table). Only the symbol that wins
/// for each external name becomes a Symbol, and only the users of
/// references keep their FixedReachNotes (explainReach starts at a
/// reference's user). The call graph (Facts.Edges), which only
/// suggestInit() reads, is joined only \p WithCallGraph.
WholeProgram joinFacts(std::vector<FactsView> Units,
                       const std::vector<std::string> &Objects,
                       bool WithCallGraph = true);

/// The initcalls in the order the program runs them: by level (console
/// first, then early, 0 .. 7s, or the levels \p Declared, then a module's
/// init), then link order, then position in the file. Exitcalls are left
/// out: a built-in kernel never runs them; so are entries of undeclared
/// levels (initcheck-undeclared-initcall-level reports them).
std::vector<unsigned> initcallOrder(const WholeProgram &P,
                                    const DeclaredLevels &Declared);

/// What `initcheck link --suggest` proposes (initify's first pass, on the
/// whole program): functions only init code uses ("could be __init"), and
/// __init functions no C code references ("dead init code"; asm and linker
/// script references are not seen).
struct Suggestion {
  enum KindT { CouldBeInit, DeadInit } Kind;
  unsigned Symbol;
};
std::vector<Suggestion> suggestInit(const WholeProgram &P);

} // namespace initcheck

#endif
