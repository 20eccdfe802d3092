//===- FactsFormat.h - TuFacts in an object file ----------------*- C++ -*-===//
//
// The plugin stores each translation unit's facts in its object file, in a
// section `ld -r` concatenates and final links drop. One record per
// translation unit:
//
//   "ICFACTS" '\0'  magic (8 bytes)
//   u32 version     FactsFormatVersion
//   u32 size        bytes of payload that follow
//   u32 raw size    payload size before zlib; 0 = stored uncompressed
//   payload         string table, symbols, references, initcalls, ...,
//                   flows (varints)
//
// Records may be separated by zero padding (section alignment), so a
// reader skips zero bytes between records. See docs/facts-format.md.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FACTSFORMAT_H
#define INITCHECK_CHECKS_FACTSFORMAT_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/TargetParser/Triple.h"
#include <list>
#include <memory>
#include <string>
#include <vector>

namespace initcheck {

/// The section the facts live in. modpost warns about every non-allocated
/// section outside its whitelist; ".discard.*" is on it, and the kernel's
/// final link discards it too.
inline constexpr llvm::StringLiteral FactsSectionName = ".discard.initcheck";
/// Bumped whenever the encoding changes; a reader accepts only its own.
inline constexpr uint32_t FactsFormatVersion = 5;

/// One framed record for \p Facts (locations must be resolved, and the
/// facts be a unit's summary: summarizeUnit()).
std::string encodeFacts(const TuFacts &Facts);

/// A location as a record stores it: the file is an index into the
/// record's string table.
struct PackedLocation {
  uint32_t File = 0;
  uint32_t Line = 0;
  uint32_t Column = 0;
};

/// A Symbol as a record stores it: strings are string-table indices.
struct PackedSymbol {
  uint32_t Name = 0, Identifier = 0, LinkName = 0, Section = 0, Type = 0;
  PackedLocation Loc, AnnotationLoc;
  /// FixedReachNotes: Notes[FirstNote, FirstNote + NumNotes).
  uint32_t FirstNote = 0, NumNotes = 0;
  SymbolKind Kind = SymbolKind::Function;
  SectionClass Class = SectionClass::Text;
  unsigned char FixedReach = 0;
#define SYMBOL_FLAG(Field, Flag, Bit) bool Field = false;
#include "checks/model/SymbolFlags.def"
};

struct PackedNote {
  unsigned char Bit = 0; ///< The ReachBits phase it explains.
  PackedLocation Where;
  uint32_t Message = 0;
};

/// A Reference (or an edge: no location) as a record stores it.
struct PackedReference {
  uint32_t From = 0, To = 0;
  RefKind Kind = RefKind::AddressOf;
  uint16_t Guard = 0; ///< FactsView::Guards[Guard - 1]; 0 = none.
  PackedLocation Loc;
};

struct PackedInitcall {
  uint32_t Level = 0, Entry = 0, Function = 0, Position = 0;
};

struct PackedSuppression {
  PackedLocation Where;
  uint32_t Line = 0;
  std::vector<uint32_t> Rules;
  uint32_t Reason = 0;
};

/// A Flow as a record stores it (Field a string-table index).
struct PackedFlow {
  uint32_t From = 0, Value = NoSymbol, Param = 0, Target = NoSymbol, Arg = 0;
  uint32_t Field = 0;
  FlowSink Sink = FlowSink::Unknown;
  bool Contents = false, Indirect = false;
  PackedLocation Loc;
};

/// One record decoded without copying a string, for `initcheck link`: a
/// kernel has a quarter of a million symbols in its records, and the join
/// keeps one per external name, so only the survivors become Symbols (with
/// symbol(), location()). Strings point into the section, or into the
/// decompressed payload the view owns.
struct FactsView {
  std::vector<llvm::StringRef> Strings;
  std::vector<PackedSymbol> Symbols;
  std::vector<PackedNote> Notes;
  std::vector<PackedReference> Refs;
  std::vector<PackedInitcall> Initcalls;
  std::vector<PackedReference> Edges;
  std::vector<PackedSuppression> Suppressions;
  std::vector<uint32_t> Guards; ///< The phase guards, as strings.
  std::vector<PackedFlow> Flows;
  bool DataSections = false;
  bool KernelWithoutModules = false;
  bool LinuxKernel = false;
  /// Not a record: an object's relocations, read where it has no facts
  /// (plugin/tool/RelocationFacts.cpp), judged by modpost's rules.
  bool FromRelocations = false;
  /// The payload after zlib, when it was compressed.
  std::unique_ptr<char[]> Unpacked;
  /// Strings the link step added (names and sections as the object has
  /// them, when a build renamed them after compiling); a list, so the
  /// StringRefs in Strings stay valid, and nothing allocated for the
  /// records that need none (an empty deque takes 576 bytes: 10 MB for
  /// 20,000 records).
  std::list<std::string> Added;
  /// Symbols whose section the object changed: (symbol, the section it was
  /// compiled into).
  std::vector<std::pair<uint32_t, uint32_t>> Moved;

  /// Add \p S to Strings; its index.
  uint32_t addString(std::string S);

  /// Fill \p Out (a default Location) from \p L.
  void location(const PackedLocation &L, Location &Out) const;
  /// Fill \p Out (a default Symbol) from symbol \p I; its FixedReachNotes
  /// only \p WithNotes.
  void symbol(unsigned I, bool WithNotes, Symbol &Out) const;
  /// Fill \p Out from flow \p I, its symbols mapped by \p Map.
  void flow(unsigned I, const std::vector<unsigned> &Map, Flow &Out) const;
};

/// Every record in \p Section, in order; the records are decompressed and
/// decoded in parallel. A wrong magic, a newer version or a truncated or
/// corrupt record is an error naming the problem (the first one in
/// section order). The call graph (Edges) is checked but kept only
/// \p WithEdges.
llvm::Expected<std::vector<FactsView>> decodeFacts(llvm::StringRef Section,
                                                   bool WithEdges = true);

/// A file-scope asm statement that places \p Record in FactsSectionName,
/// in a spelling every ELF assembler takes (LLVM's and GNU as, 32-bit arm
/// included).
std::string factsAsm(llvm::StringRef Record);

/// Whether objects for \p T can carry the record: ELF objects written by an
/// ELF assembler. Not Mach-O, COFF, wasm, XCOFF, GOFF or SPIR-V (no ELF
/// sections), and not NVPTX, whose triple says ELF but whose output is PTX
/// text for ptxas, which rejects section directives.
bool targetStoresFacts(const llvm::Triple &T);

} // namespace initcheck

#endif
