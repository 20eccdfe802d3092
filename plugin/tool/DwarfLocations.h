//===- DwarfLocations.h - Source lines of an object's code ------*- C++ -*-===//
//
// For `initcheck link` on objects without facts (RelocationFacts.cpp): the
// file and line of an address in a section, from the DWARF line tables, and
// where a function or variable is declared, from the DWARF entries. LLVM's
// DebugInfo reads both (and applies the debug sections' relocations of a
// relocatable object, where every section starts at address 0).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_DWARFLOCATIONS_H
#define INITCHECK_PLUGIN_TOOL_DWARFLOCATIONS_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/DebugInfo/DWARF/DWARFContext.h"
#include <memory>
#include <optional>

namespace initcheck {

class DwarfLocations {
public:
  explicit DwarfLocations(const llvm::object::ObjectFile &O);
  ~DwarfLocations();

  /// The object has line tables: without them nothing has a line.
  bool hasLines() const { return !Sequences.empty(); }

  /// The source line of the code at \p Offset of section \p Section (the
  /// innermost inlined function's line, where the reference is written).
  std::optional<Location> code(uint64_t Section, uint64_t Offset) const;

  /// Where \p Name is declared: its DWARF entry's DW_AT_decl_file and
  /// DW_AT_decl_line, if one unit of the object defines it, or one whose
  /// file is \p PreferFile (a static name defined in many files).
  std::optional<Location> declaration(llvm::StringRef Name,
                                      llvm::StringRef PreferFile = "") const;

private:
  struct SequenceRef {
    uint64_t Section, Low, High;
    const llvm::DWARFDebugLine::LineTable *Table;
    const char *CompDir;
  };
  std::unique_ptr<llvm::DWARFContext> Context;
  std::vector<SequenceRef> Sequences; ///< By (section, low address).
  llvm::StringMap<std::vector<Location>> Declarations;

  void readDeclarations(llvm::DWARFUnit &Unit,
                        const llvm::DWARFDebugLine::LineTable *Table);
};

} // namespace initcheck

#endif
