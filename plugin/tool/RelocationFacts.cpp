//===- RelocationFacts.cpp - Facts of an object from its relocations ------===//
#include "RelocationFacts.h"
#include "RelocationSymbols.h"
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace llvm::object;

namespace initcheck {
namespace {

class UnitBuilder : RelocationSymbols {
public:
  UnitBuilder(const ELFObjectFileBase &O, const std::string &ObjectName,
              const ExtraSections &Extra, const FactsCoverage *Covered,
              bool AllReferences)
      : RelocationSymbols(O, ObjectName, Extra, Covered),
        AllReferences(AllReferences) {}

  RelocationUnit build() {
    readSections();
    readFiles();
    if (Covered && AllFilesCovered)
      return std::move(Unit); // all the facts' (Uncovered is 0)
    dwarf();
    readSymbols();
    // modpost checks exports only with -M: as for facts, a kernel without
    // CONFIG_MODULES has no module to use one.
    Unit.View.KernelWithoutModules = DefinesStartKernel && !DefinesModuleCore;
    for (const SectionRef &RS : O.sections())
      readRelocations(ELFSectionRef(RS));
    return std::move(Unit);
  }

private:
  bool AllReferences;
  DenseSet<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> Seen;

  int64_t addend(const ELFRelocationRef &R, StringRef Contents) {
    Expected<int64_t> A = R.getAddend();
    if (A)
      return *A;
    consumeError(A.takeError());
    // REL (32-bit arm, i386): the addend is the word being relocated.
    uint64_t Off = R.getOffset();
    if (Off + 4 > Contents.size())
      return 0;
    return O.isLittleEndian()
               ? int32_t(support::endian::read32le(Contents.data() + Off))
               : int32_t(support::endian::read32be(Contents.data() + Off));
  }

  void readRelocations(const ELFSectionRef &RS);
  void addReference(size_t Section, uint64_t Offset, uint32_t From,
                    uint32_t To);
};

void UnitBuilder::readRelocations(const ELFSectionRef &RS) {
  if (RS.getType() != ELF::SHT_RELA && RS.getType() != ELF::SHT_REL)
    return;
  Expected<section_iterator> Target = RS.getRelocatedSection();
  if (!Target || *Target == O.section_end()) {
    if (!Target)
      consumeError(Target.takeError());
    return;
  }
  size_t T = (*Target)->getIndex();
  if (T >= Sections.size() || Sections[T].Class == SectionClass::Unchecked)
    return;
  StringRef Contents;
  if (RS.getType() == ELF::SHT_REL) {
    Expected<StringRef> C = (*Target)->getContents();
    if (C)
      Contents = *C;
    else
      consumeError(C.takeError());
  }
  std::string Level = initcallLevel(Sections[T].Name);
  std::vector<std::tuple<uint64_t, uint32_t, uint32_t>> Entries;
  for (const RelocationRef &R : RS.relocations()) {
    symbol_iterator Sym = R.getSymbol();
    if (Sym == O.symbol_end())
      continue;
    std::optional<uint32_t> To = target(Sym->getRawDataRefImpl().d.b,
                                        addend(ELFRelocationRef(R), Contents));
    if (!To)
      continue;
    uint64_t Offset = R.getOffset();
    int Near = nearest(Sections[T], Offset, /*Ahead=*/false, ~uint64_t(0));
    if (Near == CoveredSymbol)
      continue; // the facts have this reference
    uint32_t From = Near >= 0 ? uint32_t(Near) : unnamed(T);
    if (!Level.empty())
      Entries.push_back({Offset, From, *To});
    addReference(T, Offset, From, *To);
  }
  // The kernel runs a level's entries in address order.
  llvm::sort(Entries);
  for (auto [Offset, Entry, Function] : Entries) {
    PackedSymbol &E = Unit.View.Symbols[Entry];
    if (!E.Loc.Line) // an asm entry: the table shows its function
      E.Loc = Unit.View.Symbols[Function].Loc;
    PackedInitcall C;
    C.Level = Unit.View.addString(Level);
    C.Entry = Entry;
    C.Function = Function;
    C.Position = Unit.View.Initcalls.size();
    Unit.View.Initcalls.push_back(C);
  }
}

void UnitBuilder::addReference(size_t Section, uint64_t Offset, uint32_t From,
                               uint32_t To) {
  // Only a reference to init or exit memory can be a finding; one to a
  // name the object leaves undefined may be, once the join finds it.
  // --suggest needs them all: a use from resident code keeps a function
  // of the facts from being advised to be __init.
  const PackedSymbol &Target = Unit.View.Symbols[To];
  SectionClass C =
      modpostClass(Target.Class, Unit.View.Strings[Target.Section]);
  if (!AllReferences && Target.Defined && C != SectionClass::Init &&
      C != SectionClass::Exit &&
      Target.Class != SectionClass::Init && Target.Class != SectionClass::Exit)
    return;
  PackedReference R;
  R.From = From;
  R.To = To;
  R.Kind = Sections[Section].Code ? RefKind::Call : RefKind::AddressOf;
  std::optional<Location> Line;
  if (Sections[Section].Code)
    Line = dwarf().code(Section, Offset);
  R.Loc = Line ? packed(*Line) : Unit.View.Symbols[From].Loc;
  // One reference per place, as the plugin reports one.
  // Without a line, every relocation is a place of its own.
  if (!Seen.insert({From, To, R.Loc.Line,
                    R.Loc.Line ? R.Loc.Column : uint32_t(Offset)})
           .second)
    return;
  std::string Site;
  raw_string_ostream OS(Site);
  OS << ObjectName << ": " << Sections[Section].Name << "+"
     << format_hex(Offset, 0);
  Unit.Sites.push_back(std::move(Site));
  Unit.View.Refs.push_back(R);
}

} // namespace

void FactsCoverage::add(const FactsView &Unit) {
  ++Records;
  for (const PackedSymbol &S : Unit.Symbols) {
    if (!S.Defined)
      continue;
    Files.insert(sys::path::filename(Unit.Strings[S.Loc.File]));
    StringRef Link = Unit.Strings[S.LinkName];
    if (S.InternalLinkage || Link.empty())
      Locals.insert(Unit.Strings[S.Identifier]);
    else
      Globals.insert(Link);
  }
}

Expected<RelocationUnit> relocationFacts(const ObjectFile &O,
                                         const std::string &ObjectName,
                                         const ExtraSections &Extra,
                                         const FactsCoverage *Covered,
                                         bool AllReferences) {
  const auto *Elf = dyn_cast<ELFObjectFileBase>(&O);
  if (!Elf)
    return createStringError(
        ObjectName + ": no initcheck facts, and not an ELF object whose "
                     "relocations initcheck can read");
  if (Elf->getEType() != ELF::ET_REL)
    return createStringError(
        ObjectName + ": no initcheck facts, and a linked file has no "
                     "relocations left: give the objects or their ld -r "
                     "output (vmlinux.o)");
  return UnitBuilder(*Elf, ObjectName, Extra, Covered, AllReferences).build();
}

} // namespace initcheck
