//===- LinkInputs.h - What initcheck link reads from its inputs -*- C++ -*-===//
//
// Objects, archives and ld -r outputs, in link order: the facts records
// the plugin stored in them, and for an object without any, its
// relocations (RelocationFacts.h).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_LINKINPUTS_H
#define INITCHECK_PLUGIN_TOOL_LINKINPUTS_H

#include "checks/facts/FactsFormat.h"
#include "checks/model/SectionClass.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm::object {
class ObjectFile;
}

namespace initcheck {

/// A one-line error for bad input, with the file it concerns.
struct InputError {
  std::string Message;
};

class FactsReader {
public:
  /// \p ForSuggestions: also read the call graph and the sizes of
  /// functions from the symbol tables (--suggest).
  /// \p Extra: the project's own sections, to classify the sections of
  /// objects a build renamed or that have no facts.
  FactsReader(bool ForSuggestions, const ExtraSections &Extra)
      : WantCallGraph(ForSuggestions), WantFunctionSizes(ForSuggestions),
        Extra(Extra) {}

  /// Read every facts record of \p Path (an object or an archive), and the
  /// relocations of each object in it that has none.
  std::optional<InputError> read(llvm::StringRef Path);

  std::vector<FactsView> Units;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
  std::vector<std::string> UnitObjects;
  /// Sizes of defined functions, from the objects' symbol tables.
  llvm::StringMap<uint64_t> FunctionSizes;
  /// What following the objects' renames said (followObject), for stderr.
  std::vector<std::string> Notes;
  /// The objects judged from their relocations, or the parts of them
  /// without facts.
  struct RelocationObject {
    std::string Name;
    bool HasLines = false;
    /// Only part of it: the object has facts for the rest.
    bool Part = false;
    /// For a part, the files (STT_FILE) it holds, if it names them.
    std::vector<std::string> Files;
  };
  std::vector<RelocationObject> RelocationObjects;
  /// Per unit from relocations (by unit index): where each of its
  /// references is (RelocationUnit::Sites).
  std::vector<std::vector<std::string>> Sites;

private:
  bool WantCallGraph, WantFunctionSizes;
  const ExtraSections &Extra;

  std::optional<InputError> readObject(const llvm::object::ObjectFile &O,
                                       const std::string &Name);
  /// The object's relocations, but those the facts of units [\p FirstUnit,
  /// end) cover.
  std::optional<InputError> readRelocations(const llvm::object::ObjectFile &O,
                                            const std::string &Name,
                                            size_t FirstUnit);
};

} // namespace initcheck

#endif
