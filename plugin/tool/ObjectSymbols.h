//===- ObjectSymbols.h - An object's defined symbols, by name ---*- C++ -*-===//
//
// Private to FollowObject.cpp: the symbol table followObject() matches the
// facts against.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_OBJECTSYMBOLS_H
#define INITCHECK_PLUGIN_TOOL_OBJECTSYMBOLS_H

#include "llvm/ADT/CachedHashString.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Object/ELFObjectFile.h"
#include <vector>

namespace initcheck {

using namespace llvm;

/// The object's defined symbols by name, with their section.
class ObjectSymbols {
public:
  struct Entry {
    StringRef Section;
    /// The section is known: not absolute, common, or a local name that
    /// several files define.
    bool Known = false;
    bool Global = false;
  };

  explicit ObjectSymbols(const object::ELFObjectFileBase &O) {
    if (const auto *F = dyn_cast<object::ELF64LEObjectFile>(&O))
      read(F->getELFFile());
    else if (const auto *F = dyn_cast<object::ELF64BEObjectFile>(&O))
      read(F->getELFFile());
    else if (const auto *F = dyn_cast<object::ELF32LEObjectFile>(&O))
      read(F->getELFFile());
    else if (const auto *F = dyn_cast<object::ELF32BEObjectFile>(&O))
      read(F->getELFFile());
  }

  bool empty() const { return Symbols.empty() && Locals.empty(); }
  const Entry *find(StringRef Name) {
    auto It = Symbols.find(CachedHashStringRef(Name));
    if (It != Symbols.end())
      return &It->second;
    // Claims are external: a local name matters only when a global is
    // missing, which a record that fits never asks.
    for (const auto &[LocalName, E] : Locals)
      add(LocalName, E);
    Locals.clear();
    It = Symbols.find(CachedHashStringRef(Name));
    return It == Symbols.end() ? nullptr : &It->second;
  }
  /// Every defined global name, where prefixes are looked for.
  std::vector<StringRef> Globals;

private:
  DenseMap<CachedHashStringRef, Entry> Symbols;
  /// Local symbols, added to Symbols at the first name it lacks.
  std::vector<std::pair<StringRef, Entry>> Locals;

  /// The raw symbol table: a kernel's vmlinux.o has a quarter of a million
  /// symbols, and SymbolRef's accessors decode each one several times.
  /// A table that does not read is an empty one (every record is then
  /// reported as not matched).
  template <class ELFT> void read(const object::ELFFile<ELFT> &F) {
    auto Sections = F.sections();
    if (!Sections) {
      consumeError(Sections.takeError());
      return;
    }
    const typename ELFT::Shdr *SymTab = nullptr;
    ArrayRef<typename ELFT::Word> Shndx;
    std::vector<StringRef> SectionNames;
    SectionNames.reserve(Sections->size());
    for (const typename ELFT::Shdr &Sec : *Sections) {
      Expected<StringRef> Name = F.getSectionName(Sec);
      SectionNames.push_back(Name ? *Name : StringRef());
      if (!Name)
        consumeError(Name.takeError());
      if (Sec.sh_type == ELF::SHT_SYMTAB && !SymTab)
        SymTab = &Sec;
    }
    if (!SymTab)
      return;
    for (const typename ELFT::Shdr &Sec : *Sections)
      if (Sec.sh_type == ELF::SHT_SYMTAB_SHNDX &&
          Sec.sh_link == size_t(SymTab - Sections->begin())) {
        auto Table = F.getSHNDXTable(Sec, *Sections);
        if (Table)
          Shndx = *Table;
        else
          consumeError(Table.takeError());
      }
    auto Syms = F.symbols(SymTab);
    auto Strings = F.getStringTableForSymtab(*SymTab, *Sections);
    if (!Syms || !Strings) {
      consumeError(Syms.takeError());
      consumeError(Strings.takeError());
      return;
    }
    Symbols.reserve(llvm::count_if(*Syms, [](const typename ELFT::Sym &S) {
      return S.getBinding() != ELF::STB_LOCAL && !S.isUndefined();
    }));
    object::DataRegion<typename ELFT::Word> ShndxRegion(Shndx);
    for (const typename ELFT::Sym &Sym : *Syms) {
      if (Sym.isUndefined() || Sym.getType() == ELF::STT_FILE ||
          Sym.getType() == ELF::STT_SECTION)
        continue;
      Expected<StringRef> Name = Sym.getName(*Strings);
      if (!Name) {
        consumeError(Name.takeError());
        continue;
      }
      if (Name->empty())
        continue;
      Entry E;
      E.Global = Sym.getBinding() != ELF::STB_LOCAL;
      Expected<uint32_t> Index = F.getSectionIndex(Sym, *Syms, ShndxRegion);
      if (!Index)
        consumeError(Index.takeError());
      else if (*Index && *Index < SectionNames.size() && !Sym.isAbsolute() &&
               !Sym.isCommon()) {
        E.Section = SectionNames[*Index];
        E.Known = true;
      }
      if (E.Global)
        add(*Name, E);
      else
        Locals.push_back({*Name, E});
    }
  }

  void add(StringRef Name, const Entry &E) {
    auto [It, New] = Symbols.try_emplace(CachedHashStringRef(Name), E);
    if (New) {
      if (E.Global)
        Globals.push_back(Name);
      return;
    }
    // A global name is defined once; a local one may be in many files
    // (objcopy --localize-symbol turns a global into one of them).
    if (E.Global && !It->second.Global) {
      It->second = E;
      Globals.push_back(Name);
    } else if (!E.Global && !It->second.Global) {
      It->second.Known = false;
    }
  }
};

} // namespace initcheck

#endif
