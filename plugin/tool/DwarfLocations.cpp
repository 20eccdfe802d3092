//===- DwarfLocations.cpp - Source lines of an object's code --------------===//
#include "DwarfLocations.h"
#include "llvm/DebugInfo/DWARF/DWARFCompileUnit.h"
#include "llvm/DebugInfo/DWARF/DWARFDebugLine.h"
#include "llvm/DebugInfo/DWARF/DWARFDie.h"
#include "llvm/Object/ObjectFile.h"

using namespace llvm;

namespace initcheck {

static constexpr auto PathKind =
    DILineInfoSpecifier::FileLineInfoKind::RelativeFilePath;

DwarfLocations::DwarfLocations(const object::ObjectFile &O) {
  // Debug information that does not read leaves lines out, no more: the
  // verdicts come from the relocations.
  auto Ignore = [](Error E) { consumeError(std::move(E)); };
  Context =
      DWARFContext::create(O, DWARFContext::ProcessDebugRelocations::Process,
                           nullptr, "", Ignore, Ignore);
  for (const std::unique_ptr<DWARFUnit> &Unit : Context->compile_units()) {
    const DWARFDebugLine::LineTable *Table =
        Context->getLineTableForUnit(Unit.get());
    if (Table)
      for (const DWARFDebugLine::Sequence &S : Table->Sequences)
        if (S.isValid())
          Sequences.push_back({S.SectionIndex, S.LowPC, S.HighPC, Table,
                               Unit->getCompilationDir()});
    readDeclarations(*Unit, Table);
  }
  llvm::sort(Sequences, [](const SequenceRef &A, const SequenceRef &B) {
    return std::tie(A.Section, A.Low) < std::tie(B.Section, B.Low);
  });
}

DwarfLocations::~DwarfLocations() = default;

void DwarfLocations::readDeclarations(DWARFUnit &Unit,
                                      const DWARFDebugLine::LineTable *Table) {
  // Functions and variables with static storage are the unit's children
  // (a function's static locals are inside it, with their own names).
  DWARFDie Root = Unit.getUnitDIE(/*ExtractUnitDIEOnly=*/false);
  if (!Root)
    return;
  for (DWARFDie D : Root.children()) {
    dwarf::Tag T = D.getTag();
    if ((T != dwarf::DW_TAG_subprogram && T != dwarf::DW_TAG_variable) ||
        D.find(dwarf::DW_AT_declaration))
      continue;
    // A definition that completes a declaration names it.
    DWARFDie Named = D;
    if (!D.find(dwarf::DW_AT_name))
      if (DWARFDie Spec =
              D.getAttributeValueAsReferencedDie(dwarf::DW_AT_specification))
        Named = Spec;
    const char *Name = Named.getShortName();
    uint64_t Line = Named.getDeclLine();
    if (!Name || !Line)
      continue;
    // DWARFDie::getDeclFile() misses GCC's DW_FORM_implicit_const files:
    // the unit's file table names them.
    std::optional<uint64_t> File =
        dwarf::toUnsigned(Named.find(dwarf::DW_AT_decl_file));
    Location L;
    if (!Table || !File ||
        !Table->getFileNameByIndex(*File, Unit.getCompilationDir(), PathKind,
                                   L.File))
      continue;
    L.Line = Line;
    Declarations[Name].push_back(std::move(L));
  }
}

std::optional<Location> DwarfLocations::code(uint64_t Section,
                                             uint64_t Offset) const {
  auto It = llvm::upper_bound(
      Sequences, std::make_pair(Section, Offset),
      [](const std::pair<uint64_t, uint64_t> &K, const SequenceRef &S) {
        return K < std::make_pair(S.Section, S.Low);
      });
  if (It == Sequences.begin())
    return std::nullopt;
  const SequenceRef &S = *std::prev(It);
  if (S.Section != Section || Offset >= S.High)
    return std::nullopt;
  const DWARFDebugLine::LineTable &T = *S.Table;
  uint32_t Row = T.lookupAddress({Offset, Section});
  if (Row == T.UnknownRowIndex)
    return std::nullopt;
  // Of the rows at one address, GCC marks the statement the instruction
  // starts with is_stmt; the rows after it (the closing brace a value is
  // returned at) are not where the reference is written.
  while (!T.Rows[Row].IsStmt && Row > 0 &&
         T.Rows[Row - 1].Address.Address == T.Rows[Row].Address.Address &&
         !T.Rows[Row - 1].EndSequence)
    --Row;
  const DWARFDebugLine::Row &R = T.Rows[Row];
  Location L;
  if (!R.Line || !T.getFileNameByIndex(R.File, S.CompDir, PathKind, L.File))
    return std::nullopt;
  L.Line = R.Line;
  L.Column = R.Column;
  return L;
}

std::optional<Location>
DwarfLocations::declaration(StringRef Name, StringRef PreferFile) const {
  auto It = Declarations.find(Name);
  if (It == Declarations.end())
    return std::nullopt;
  const std::vector<Location> &All = It->second;
  if (!PreferFile.empty())
    for (const Location &L : All)
      if (L.File == PreferFile)
        return L;
  if (llvm::all_of(All, [&](const Location &L) {
        return L.File == All.front().File && L.Line == All.front().Line;
      }))
    return All.front();
  return std::nullopt;
}

} // namespace initcheck
