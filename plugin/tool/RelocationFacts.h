//===- RelocationFacts.h - Facts of an object from its relocations -*- C++
//-*-===//
//
// `initcheck link` on an object without initcheck facts (GCC-built, or
// assembled): what modpost sees in it, as a unit the join takes like any
// other. Its symbols are the object's, with their sections; its references
// are its relocations, from the symbol at or before the relocated address
// (modpost's find_fromsym) to the relocation's symbol, or for a section
// symbol the one at its addend (find_tosym); its initcalls are the
// entries of its initcall sections in address order, PREL32 or absolute.
// Lines come from the object's DWARF when it has any (DwarfLocations).
// The rules judge these references as modpost does (modpost-compat):
// without the source there is no call graph to be stricter with.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_RELOCATIONFACTS_H
#define INITCHECK_PLUGIN_TOOL_RELOCATIONFACTS_H

#include "checks/facts/FactsFormat.h"
#include "checks/model/SectionClass.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace llvm::object {
class ObjectFile;
}

namespace initcheck {

/// The names the facts of an object define (an ld -r output whose files
/// were compiled with and without the plugin): their code and data are the
/// facts' business, and references to them join them.
struct FactsCoverage {
  llvm::StringSet<> Globals, Locals;
  /// The base names of the files their definitions are in.
  llvm::StringSet<> Files;
  /// How many records (units) there are.
  size_t Records = 0;
  /// Add the definitions of \p Unit.
  void add(const FactsView &Unit);
};

struct RelocationUnit {
  FactsView View; ///< View.FromRelocations is set.
  /// Per reference of View: where its relocation is ("drv.o: .text+0x1c").
  std::vector<std::string> Sites;
  /// The object has DWARF line tables (it was compiled with -g).
  bool HasLines = false;
  /// The symbols it defines that no facts cover, and the files (STT_FILE)
  /// of the uncovered local ones.
  unsigned Uncovered = 0;
  std::vector<std::string> Files;
};

/// The unit of relocatable ELF object \p O, named \p ObjectName, without
/// the code and data \p Covered (if any) names: a local symbol is covered
/// with its file (the STT_FILE group of an ld -r output) when a unit was
/// compiled from a file of that name or defines most of the file's
/// locals; a global one by its name, or when every file is covered. Only
/// references to init and exit memory (and undefined names) are kept,
/// unless \p AllReferences (the call graph of --suggest). An
/// error
/// (one line) for an object that is not a relocatable ELF object: a linked
/// program has no relocations left to read.
llvm::Expected<RelocationUnit>
relocationFacts(const llvm::object::ObjectFile &O,
                const std::string &ObjectName, const ExtraSections &Extra,
                const FactsCoverage *Covered = nullptr,
                bool AllReferences = false);

} // namespace initcheck

#endif
