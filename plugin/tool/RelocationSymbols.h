//===- RelocationSymbols.h - Symbols for relocations --------*- C++ -*-===//
//
// Private to RelocationFacts.cpp: the symbols of an object without facts
// (or of the part of an ld -r output the facts do not cover) as unit
// symbols, and modpost's lookups of the symbol a relocation is from or to.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_RELOCATIONSYMBOLS_H
#define INITCHECK_PLUGIN_TOOL_RELOCATIONSYMBOLS_H

#include "DwarfLocations.h"
#include "RelocationFacts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Object/ELFObjectFile.h"
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace initcheck {

using namespace llvm;
using namespace llvm::object;

struct SectionInfo {
  StringRef Name;
  SectionClass Class = SectionClass::Unchecked;
  bool Code = false;
  /// Named symbols defined in it: (address, symbol table index, unit
  /// symbol), sorted, the lowest table index first at equal addresses.
  std::vector<std::tuple<uint64_t, uint64_t, int>> Symbols;
  int Unnamed = -1; ///< The unit symbol for addresses no symbol names.
};

class RelocationSymbols {
public:
  RelocationSymbols(const ELFObjectFileBase &O, const std::string &ObjectName,
                    const ExtraSections &Extra, const FactsCoverage *Covered)
      : O(O), ObjectName(ObjectName), Extra(Extra), Covered(Covered) {
    Unit.View.FromRelocations = true;
    Unit.View.addString(""); // index 0: no name, no link name, no type
    ObjectString = Unit.View.addString(ObjectName);
  }

protected:
  const ELFObjectFileBase &O;
  const std::string &ObjectName;
  const ExtraSections &Extra;
  /// Read at the first symbol that needs a line: an object the facts
  /// cover does without (a kernel's debug information is large).
  std::unique_ptr<DwarfLocations> Lines;
  DwarfLocations &dwarf() {
    if (!Lines) {
      Lines = std::make_unique<DwarfLocations>(O);
      Unit.HasLines = Lines->hasLines();
    }
    return *Lines;
  }
  RelocationUnit Unit;
  uint32_t ObjectString = 0;
  std::vector<SectionInfo> Sections;
  /// By symbol table index: the unit symbol (-1: none), and for section
  /// symbols the section (-1: not one).
  std::vector<int> SymbolOf, SectionOf;
  /// In SymbolOf and SectionInfo::Symbols: a symbol the facts cover.
  static constexpr int CoveredSymbol = -2;
  const FactsCoverage *Covered;
  /// By symbol table index, the STT_FILE group; by group, covered.
  std::vector<unsigned> GroupOf;
  std::vector<bool> GroupCovered;
  bool AllFilesCovered = true;
  /// A kernel's vmlinux.o defines start_kernel(); one with modules
  /// (CONFIG_MODULES) the module core's __module_get().
  bool DefinesStartKernel = false, DefinesModuleCore = false;
  StringMap<uint32_t> Undefined;

  uint32_t string(StringRef S) {
    // Names and sections point into the object, which stays mapped.
    Unit.View.Strings.push_back(S);
    return Unit.View.Strings.size() - 1;
  }

  PackedLocation packed(const Location &L) {
    return {Unit.View.addString(L.File), L.Line, L.Column};
  }

  /// No debug information: the object is all the place there is.
  PackedLocation inObject() const { return {ObjectString, 0, 0}; }

  void readSections() {
    for (const SectionRef &S : O.sections()) {
      ELFSectionRef E(S);
      size_t I = S.getIndex();
      if (Sections.size() <= I)
        Sections.resize(I + 1);
      Expected<StringRef> Name = S.getName();
      if (!Name) {
        consumeError(Name.takeError());
        continue;
      }
      SectionInfo &Info = Sections[I];
      Info.Name = *Name;
      Info.Code = E.getFlags() & ELF::SHF_EXECINSTR;
      Info.Class = (E.getFlags() & ELF::SHF_ALLOC)
                       ? classifySection(*Name, Extra)
                       : SectionClass::Unchecked;
    }
  }

  PackedSymbol symbolIn(uint32_t Name, const SectionInfo &S, bool Function,
                        bool Local);

  /// Whether the facts cover each local symbol's file: the STT_FILE
  /// symbol that starts its group in the table (ld -r keeps them).
  void readFiles();

  bool covered(StringRef Name, bool Local, uint64_t Index) const;

  void readSymbols();

  /// A function's declaration in the file of its code, else the line its
  /// code starts at; a variable's declaration where only one file has one.
  PackedLocation declaration(StringRef Name, bool Function, size_t Section,
                             uint64_t Address);

  uint32_t undefined(StringRef Name);

  uint32_t unnamed(size_t Section);

  /// modpost's symsearch_find_nearest(): the symbol at or before
  /// \p Address, or with \p Ahead one at most \p MaxDistance after it.
  int nearest(const SectionInfo &S, uint64_t Address, bool Ahead,
              uint64_t MaxDistance) const;

  /// The unit symbol a relocation against symbol \p Index with \p Addend
  /// refers to (find_tosym).
  std::optional<uint32_t> target(uint64_t Index, int64_t Addend);
};

} // namespace initcheck

#endif
