//===- RelocationSymbols.cpp - An object's symbols, for its relocations ---===//
#include "RelocationSymbols.h"
#include "checks/analysis/Residency.h"

namespace initcheck {

/// modpost's is_mapping_symbol(): ARM's $a/$d/$t/$x and assembler locals.
static bool isMappingSymbol(StringRef Name) {
  return Name.starts_with("$") || Name.starts_with(".L") ||
         Name.starts_with("L0");
}

PackedSymbol RelocationSymbols::symbolIn(uint32_t Name, const SectionInfo &S,
                                         bool Function, bool Local) {
  PackedSymbol P;
  P.Name = P.Identifier = Name;
  P.LinkName = Local ? 0 : Name;
  P.Kind = Function ? SymbolKind::Function : SymbolKind::Variable;
  P.Section = string(S.Name);
  P.Class = S.Class;
  P.Defined = true;
  P.InternalLinkage = Local;
  P.IsConst = S.Class == SectionClass::RoData;
  // What the source would have to spell: init, exit, tables, __ref ...
  P.ExplicitSection =
      S.Class != SectionClass::Text && S.Class != SectionClass::Data &&
      S.Class != SectionClass::OtherData && S.Class != SectionClass::RoData;
  // The object holds it, so it is emitted; without a call graph it runs
  // when its section's contents do (modpost's view).
  if (Local)
    P.FixedReach = phaseOfClass(S.Class);
  return P;
}

void RelocationSymbols::readFiles() {
  unsigned Group = 0;
  std::vector<unsigned> Total(1), KnownLocals(1);
  std::vector<StringRef> Names(1);
  for (const ELFSymbolRef &Sym : O.symbols()) {
    uint64_t Index = Sym.getRawDataRefImpl().d.b;
    Expected<StringRef> Name = Sym.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (Sym.getELFType() == ELF::STT_FILE) {
      Group = Total.size();
      Total.push_back(0);
      KnownLocals.push_back(0);
      Names.push_back(*Name);
    }
    if (GroupOf.size() <= Index)
      GroupOf.resize(Index + 1, 0);
    GroupOf[Index] = Group;
    if (Sym.getBinding() != ELF::STB_LOCAL ||
        (Sym.getELFType() != ELF::STT_FUNC &&
         Sym.getELFType() != ELF::STT_OBJECT))
      continue;
    ++Total[Group];
    KnownLocals[Group] += Covered && Covered->Locals.contains(*Name);
  }
  // A file is the facts' when one of their units was compiled from a file
  // of its base name (STT_FILE is the name as the command line gave it:
  // `common/bitmap.c` in Xen, which compiles from its top directory), or
  // when they define most of its locals. Locals before any STT_FILE are
  // the first file's, if there is none.
  // As many records as files: every file has its record (one whose
  // summary holds nothing to match is still one).
  size_t Named = llvm::count_if(Names, [](StringRef N) { return !N.empty(); });
  bool AllRecorded = Covered && Covered->Records >= Named;
  for (size_t G = 0; G != Total.size(); ++G) {
    bool Known =
        Covered && (AllRecorded || KnownLocals[G] * 2 > Total[G] ||
                    Covered->Files.contains(sys::path::filename(Names[G])) ||
                    (G == 0 && !Total[G]));
    GroupCovered.push_back(Known);
    if (Covered && !Known) {
      AllFilesCovered = false;
      if (!Names[G].empty())
        Unit.Files.push_back(Names[G].str());
    }
  }
}

bool RelocationSymbols::covered(StringRef Name, bool Local,
                                uint64_t Index) const {
  if (!Covered)
    return false;
  if (Local)
    return GroupCovered[Index < GroupOf.size() ? GroupOf[Index] : 0];
  // Where every file is the facts', a global they do not name is code
  // the compiler made for them (C++ vtables, static constructors): an
  // assembled file without facts has no STT_FILE to be seen by.
  if (AllFilesCovered)
    return true;
  // ThinLTO promotes a static to a global 'name.llvm.<hash>'.
  size_t Promoted = Name.find(".llvm.");
  return Covered->Globals.contains(Name) ||
         (Promoted != StringRef::npos &&
          Covered->Locals.contains(Name.take_front(Promoted)));
}

void RelocationSymbols::readSymbols() {
  for (const ELFSymbolRef &Sym : O.symbols()) {
    uint64_t Index = Sym.getRawDataRefImpl().d.b;
    if (SymbolOf.size() <= Index) {
      SymbolOf.resize(Index + 1, -1);
      SectionOf.resize(Index + 1, -1);
    }
    Expected<section_iterator> Sec = Sym.getSection();
    Expected<StringRef> Name = Sym.getName();
    if (!Sec || !Name) {
      consumeError(Sec.takeError());
      consumeError(Name.takeError());
      continue;
    }
    bool Defined = *Sec != O.section_end();
    size_t SecIndex = Defined ? (*Sec)->getIndex() : 0;
    if (Sym.getELFType() == ELF::STT_SECTION) {
      if (Defined && SecIndex < Sections.size())
        SectionOf[Index] = SecIndex;
      continue;
    }
    if (Name->empty() || Sym.getELFType() == ELF::STT_FILE ||
        isMappingSymbol(*Name))
      continue;
    bool Local = Sym.getBinding() == ELF::STB_LOCAL;
    if (Defined && !Local) {
      DefinesStartKernel |= *Name == "start_kernel";
      DefinesModuleCore |= *Name == "__module_get";
    }
    if (!Defined) {
      SymbolOf[Index] = undefined(*Name);
      continue;
    }
    if (SecIndex >= Sections.size())
      continue;
    SectionInfo &S = Sections[SecIndex];
    Expected<uint64_t> Value = Sym.getValue();
    uint64_t Address = Value ? *Value : 0;
    if (!Value)
      consumeError(Value.takeError());
    bool Function = Sym.getELFType() == ELF::STT_FUNC ||
                    (Sym.getELFType() == ELF::STT_NOTYPE && S.Code);
    if (O.getEMachine() == ELF::EM_ARM && Function)
      Address &= ~uint64_t(1); // the Thumb bit
    if (covered(*Name, Local, Index)) {
      // The facts judge its references; one to it joins their symbol.
      SymbolOf[Index] = Local ? CoveredSymbol : int(undefined(*Name));
      S.Symbols.push_back({Address, Index, CoveredSymbol});
      continue;
    }
    PackedSymbol P = symbolIn(string(*Name), S, Function, Local);
    P.Weak = Sym.getBinding() == ELF::STB_WEAK;
    P.Loc = declaration(*Name, Function, SecIndex, Address);
    SymbolOf[Index] = Unit.View.Symbols.size();
    S.Symbols.push_back({Address, Index, SymbolOf[Index]});
    Unit.View.Symbols.push_back(P);
    ++Unit.Uncovered;
  }
  for (SectionInfo &S : Sections)
    llvm::sort(S.Symbols);
}

PackedLocation RelocationSymbols::declaration(StringRef Name, bool Function,
                                              size_t Section,
                                              uint64_t Address) {
  std::optional<Location> Code;
  if (Function)
    Code = dwarf().code(Section, Address);
  if (std::optional<Location> Decl =
          dwarf().declaration(Name, Code ? StringRef(Code->File) : ""))
    return packed(*Decl);
  return Code ? packed(*Code) : inObject();
}

uint32_t RelocationSymbols::undefined(StringRef Name) {
  auto [It, New] = Undefined.try_emplace(Name, Unit.View.Symbols.size());
  if (New) {
    PackedSymbol P;
    P.Name = P.Identifier = P.LinkName = string(Name);
    P.Loc = inObject();
    Unit.View.Symbols.push_back(P);
  }
  return It->second;
}

uint32_t RelocationSymbols::unnamed(size_t Section) {
  SectionInfo &S = Sections[Section];
  if (S.Unnamed < 0) {
    S.Unnamed = Unit.View.Symbols.size();
    PackedSymbol P = symbolIn(string(S.Name), S, S.Code, /*Local=*/true);
    P.Identifier = 0; // no name for modpost's patterns to match
    P.Loc = inObject();
    Unit.View.Symbols.push_back(P);
  }
  return S.Unnamed;
}

int RelocationSymbols::nearest(const SectionInfo &S, uint64_t Address,
                               bool Ahead, uint64_t MaxDistance) const {
  // A negative address (a PC-relative addend before the section's start)
  // comes before every symbol.
  auto It = int64_t(Address) < 0
                ? S.Symbols.begin()
                : llvm::upper_bound(S.Symbols, Address,
                                    [](uint64_t A, const auto &E) {
                                      return A < std::get<0>(E);
                                    });
  int Best = -1;
  if (Ahead && It != S.Symbols.end() &&
      std::get<0>(*It) - Address <= MaxDistance) {
    MaxDistance = std::get<0>(*It) - Address;
    Best = std::get<2>(*It);
  }
  if (It != S.Symbols.begin() && int64_t(Address) >= 0) {
    // The first of the symbols at that address.
    uint64_t At = std::get<0>(*std::prev(It));
    auto First =
        llvm::lower_bound(S.Symbols, At, [](const auto &E, uint64_t A) {
          return std::get<0>(E) < A;
        });
    if (Address - At <= MaxDistance)
      Best = std::get<2>(*First);
  }
  return Best;
}

std::optional<uint32_t> RelocationSymbols::target(uint64_t Index,
                                                  int64_t Addend) {
  if (Index >= SymbolOf.size())
    return std::nullopt;
  if (SymbolOf[Index] >= 0)
    return SymbolOf[Index];
  if (SectionOf[Index] < 0)
    return std::nullopt; // absolute, common, unreadable or covered
  const SectionInfo &S = Sections[SectionOf[Index]];
  int Near = nearest(S, uint64_t(Addend), /*Ahead=*/true, 20);
  if (Near == CoveredSymbol)
    return std::nullopt;
  return Near >= 0 ? uint32_t(Near) : unnamed(SectionOf[Index]);
}

} // namespace initcheck
