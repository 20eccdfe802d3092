//===- FactsFormat.cpp - TuFacts in an object file ------------------------===//
#include "checks/FactsFormat.h"
#include "checks/Residency.h"
#include "checks/SymbolDescription.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {

static const StringRef Magic("ICFACTS\0", 8);

void resolveLocations(TuFacts &Facts, const clang::SourceManager &SM) {
  auto Resolve = [&](Location &L) {
    if (!L.Loc.isValid())
      return;
    clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L.Loc));
    if (P.isInvalid())
      return;
    L.File = P.getFilename();
    L.Line = P.getLine();
    L.Column = P.getColumn();
  };
  for (Symbol &S : Facts.Symbols) {
    Resolve(S.Loc);
    Resolve(S.AnnotationLoc);
  }
  for (Reference &R : Facts.Refs)
    Resolve(R.Loc);
}

namespace {
class Writer {
public:
  void u(uint64_t V) {
    do {
      uint8_t Byte = V & 0x7f;
      V >>= 7;
      Out.push_back(char(Byte | (V ? 0x80 : 0)));
    } while (V);
  }
  void str(StringRef S) {
    auto [It, New] = Strings.try_emplace(S, Strings.size());
    if (New)
      Order.push_back(S.str());
    u(It->second);
  }
  void loc(const Location &L) {
    str(L.File);
    u(L.Line);
    u(L.Column);
  }
  std::string finish() {
    // The string table goes first so a reader can resolve indices at once.
    Writer Table;
    Table.u(Order.size());
    for (const std::string &S : Order) {
      Table.u(S.size());
      Table.Out += S;
    }
    return Table.Out + Out;
  }
  std::string Out;

private:
  StringMap<unsigned> Strings;
  std::vector<std::string> Order;
};

class Reader {
public:
  explicit Reader(StringRef Data)
      : P(Data.data()), End(Data.data() + Data.size()) {}
  bool failed() const { return Failed; }
  size_t remaining() const { return End - P; }
  uint64_t u() {
    if (P != End && !(*P & 0x80)) // most numbers are below 128
      return uint8_t(*P++);
    uint64_t V = 0;
    for (unsigned Shift = 0; Shift < 64; Shift += 7) {
      if (P == End)
        return fail();
      uint8_t Byte = *P++;
      V |= uint64_t(Byte & 0x7f) << Shift;
      if (!(Byte & 0x80))
        return V;
    }
    return fail();
  }
  StringRef raw(size_t N) {
    if (remaining() < N) {
      fail();
      return "";
    }
    StringRef S(P, N);
    P += N;
    return S;
  }
  /// A string-table index.
  uint32_t str() {
    uint64_t I = u();
    if (I >= Strings.size()) {
      fail();
      return 0;
    }
    return I;
  }
  PackedLocation loc() {
    PackedLocation L;
    L.File = str();
    L.Line = u();
    L.Column = u();
    return L;
  }
  void readTable() {
    uint64_t N = u();
    if (N > remaining()) {
      fail();
      return;
    }
    Strings.reserve(N);
    for (uint64_t I = 0; I != N && !Failed; ++I)
      Strings.push_back(raw(u()));
  }
  /// An index that must be below \p Limit.
  unsigned index(size_t Limit) {
    uint64_t I = u();
    if (I >= Limit)
      fail();
    return Failed ? 0 : I;
  }
  std::vector<StringRef> Strings;

private:
  uint64_t fail() {
    Failed = true;
    P = End;
    return 0;
  }
  const char *P, *End;
  bool Failed = false;
};

/// What the whole-program step needs from one unit: what the unit could
/// not judge itself. A helper's phase is settled inside its unit (all its
/// users are there), so users travel with their phase (FixedReach) instead
/// of the call graph. Kept: references to symbols declared here without
/// annotation and defined elsewhere (the first site per user and target),
/// table entries and their references (initcalls, exports), definitions
/// that carry a section, and the symbols those touch.
static TuFacts prune(const TuFacts &F) {
  Residency Reach(F);
  AnalysisOptions Defaults;
  RuleInput In{F, Reach, Defaults};
  auto IsTable = [](const Symbol &S) {
    return S.Class == SectionClass::InitTable ||
           S.Class == SectionClass::ExitTable ||
           S.Class == SectionClass::ExportTable;
  };
  std::vector<bool> KeepSym(F.Symbols.size(), false);
  for (size_t I = 0; I != F.Symbols.size(); ++I) {
    const Symbol &S = F.Symbols[I];
    bool External = !S.InternalLinkage && !S.LinkName.empty();
    // Annotated definitions resolve other files' references; every defined
    // external function is a node of the whole-program call graph.
    KeepSym[I] = IsTable(S) ||
                 (S.Defined && External &&
                  (S.ExplicitSection || S.Kind == SymbolKind::Function));
  }
  for (const Initcall &C : F.Initcalls)
    KeepSym[C.Entry] = KeepSym[C.Function] = true;
  std::vector<bool> KeepRef(F.Refs.size(), false);
  DenseSet<std::pair<unsigned, unsigned>> Pairs;
  for (size_t I = 0; I != F.Refs.size(); ++I) {
    const Reference &R = F.Refs[I];
    const Symbol &From = F.Symbols[R.From], &To = F.Symbols[R.To];
    bool Elsewhere = !To.Defined && !To.ExplicitSection &&
                     !To.InternalLinkage && !To.LinkName.empty();
    if (!IsTable(From) &&
        (!Elsewhere || Reach.reach(R.From) == ReachNone ||
         !Pairs.insert({R.From, R.To}).second))
      continue;
    KeepRef[I] = true;
    KeepSym[R.From] = KeepSym[R.To] = true;
  }
  // The call graph for --suggest: one edge per user and function, without
  // location; an address escape outranks a call.
  DenseMap<std::pair<unsigned, unsigned>, RefKind> EdgeKinds;
  std::vector<std::pair<unsigned, unsigned>> EdgeOrder;
  for (const Reference &R : F.Refs) {
    const Symbol &To = F.Symbols[R.To];
    if (To.Kind != SymbolKind::Function || Reach.reach(R.From) == ReachNone ||
        (To.InternalLinkage && To.Class != SectionClass::Init))
      continue;
    auto [It, New] = EdgeKinds.try_emplace({R.From, R.To}, R.Kind);
    if (New)
      EdgeOrder.push_back({R.From, R.To});
    else if (R.Kind == RefKind::AddressOf)
      It->second = RefKind::AddressOf;
    KeepSym[R.From] = KeepSym[R.To] = true;
  }
  TuFacts Out;
  Out.DataSections = F.DataSections;
  Out.KernelWithoutModules = F.KernelWithoutModules;
  std::vector<unsigned> Map(F.Symbols.size());
  for (size_t I = 0; I != F.Symbols.size(); ++I)
    if (KeepSym[I]) {
      Map[I] = Out.Symbols.size();
      Out.Symbols.push_back(F.Symbols[I]);
      if (Reach.isHelper(I)) {
        Symbol &S = Out.Symbols.back();
        S.FixedReach = Reach.reach(I);
        for (ReachBits B : {ReachInit, ReachExit, ReachResident, ReachRef}) {
          if (!(S.FixedReach & B))
            continue;
          std::vector<FindingNote> Notes;
          explainReach(In, I, B, Notes);
          for (FindingNote &N : Notes)
            S.FixedReachNotes.push_back({B, std::move(N)});
        }
      }
    }
  for (size_t I = 0; I != F.Refs.size(); ++I)
    if (KeepRef[I]) {
      Reference R = F.Refs[I];
      R.From = Map[R.From];
      R.To = Map[R.To];
      Out.Refs.push_back(R);
    }
  for (Initcall C : F.Initcalls) {
    C.Entry = Map[C.Entry];
    C.Function = Map[C.Function];
    Out.Initcalls.push_back(C);
  }
  for (auto [From, To] : EdgeOrder) {
    Reference E;
    E.From = Map[From];
    E.To = Map[To];
    E.Kind = EdgeKinds[{From, To}];
    Out.Edges.push_back(E);
  }
  return Out;
}

enum SymbolFlags : unsigned {
  FlagExplicit = 1,
  FlagDefined = 2,
  FlagInternal = 4,
  FlagRetained = 8,
  FlagAlwaysInline = 16,
  FlagConst = 32,
  FlagSystemHeader = 64,
  FlagIntVoid = 128,
  FlagVoidVoid = 256,
  FlagIdentifierIsName = 512,   ///< Identifier == Name (C): not stored.
  FlagLinkNameIsIdentifier = 1024, ///< LinkName == Identifier: not stored.
  FlagNoAnnotationLoc = 2048,   ///< AnnotationLoc == Loc: not stored.
  FlagWeak = 4096,
  FlagInline = 8192,
};
} // namespace

std::string encodeFacts(const TuFacts &Unpruned) {
  TuFacts F = prune(Unpruned);
  Writer W;
  W.u(F.DataSections | (F.KernelWithoutModules << 1));
  W.u(F.Symbols.size());
  for (const Symbol &S : F.Symbols) {
    bool IdIsName = S.Identifier == S.Name;
    bool LinkIsId = S.LinkName == S.Identifier;
    bool NoAnnotationLoc = S.AnnotationLoc.File == S.Loc.File &&
                           S.AnnotationLoc.Line == S.Loc.Line &&
                           S.AnnotationLoc.Column == S.Loc.Column;
    unsigned Flags = 0;
    auto Set = [&](bool On, SymbolFlags Flag) { Flags |= On ? Flag : 0u; };
    Set(S.ExplicitSection, FlagExplicit);
    Set(S.Defined, FlagDefined);
    Set(S.InternalLinkage, FlagInternal);
    Set(S.Retained, FlagRetained);
    Set(S.AlwaysInline, FlagAlwaysInline);
    Set(S.IsConst, FlagConst);
    Set(S.InSystemHeader, FlagSystemHeader);
    Set(S.IsIntVoid, FlagIntVoid);
    Set(S.IsVoidVoid, FlagVoidVoid);
    Set(IdIsName, FlagIdentifierIsName);
    Set(LinkIsId, FlagLinkNameIsIdentifier);
    Set(NoAnnotationLoc, FlagNoAnnotationLoc);
    Set(S.Weak, FlagWeak);
    Set(S.Inline, FlagInline);
    W.u(Flags);
    W.str(S.Name);
    if (!IdIsName)
      W.str(S.Identifier);
    if (!LinkIsId)
      W.str(S.LinkName);
    W.u(unsigned(S.Kind));
    W.str(S.Section);
    W.u(unsigned(S.Class));
    W.u(S.FixedReach);
    W.loc(S.Loc);
    if (!NoAnnotationLoc)
      W.loc(S.AnnotationLoc);
    W.str(S.Type);
    W.u(S.FixedReachNotes.size());
    for (const auto &[B, N] : S.FixedReachNotes) {
      W.u(B);
      W.loc(N.Where);
      W.str(N.Message);
    }
  }
  W.u(F.Refs.size());
  for (const Reference &R : F.Refs) {
    W.u(R.From);
    W.u(R.To);
    W.u(unsigned(R.Kind));
    W.loc(R.Loc);
  }
  W.u(F.Initcalls.size());
  for (const Initcall &C : F.Initcalls) {
    W.str(C.Level);
    W.u(C.Entry);
    W.u(C.Function);
    W.u(C.Position);
  }
  W.u(F.Edges.size());
  for (const Reference &E : F.Edges) {
    W.u(E.From);
    W.u(E.To);
    W.u(unsigned(E.Kind));
  }
  std::string Payload = W.finish();
  // Names and header paths compress several times over; zlib comes with
  // the LLVM that clang links. Raw size 0 means "stored uncompressed".
  uint32_t RawSize = 0;
  if (compression::zlib::isAvailable()) {
    SmallVector<uint8_t, 0> Packed;
    compression::zlib::compress(arrayRefFromStringRef(Payload), Packed);
    if (Packed.size() < Payload.size()) {
      RawSize = Payload.size();
      Payload.assign(Packed.begin(), Packed.end());
    }
  }
  std::string Record = Magic.str();
  auto PutU32 = [&](uint32_t V) {
    for (int I = 0; I != 4; ++I)
      Record.push_back(char((V >> (8 * I)) & 0xff));
  };
  PutU32(FactsFormatVersion);
  PutU32(Payload.size());
  PutU32(RawSize);
  return Record + Payload;
}

/// One payload; \p Payload must outlive the view (its strings point there).
static Expected<FactsView> decodePayload(StringRef Payload, bool WithEdges) {
  Reader R(Payload);
  R.readTable();
  FactsView F;
  uint64_t Flags = R.u();
  F.DataSections = Flags & 1;
  F.KernelWithoutModules = Flags & 2;
  uint64_t NSyms = R.u();
  if (NSyms > Payload.size())
    return createStringError("corrupt facts: symbol count");
  F.Symbols.reserve(NSyms);
  F.Notes.reserve(NSyms); // helpers have one or two, most symbols none
  for (uint64_t I = 0; I != NSyms && !R.failed(); ++I) {
    PackedSymbol S;
    uint64_t B = R.u();
    S.Name = R.str();
    S.Identifier = B & FlagIdentifierIsName ? S.Name : R.str();
    S.LinkName = B & FlagLinkNameIsIdentifier ? S.Identifier : R.str();
    S.Kind = SymbolKind(R.index(3));
    S.Section = R.str();
    S.Class = SectionClass(R.index(unsigned(SectionClass::Unchecked) + 1));
    S.FixedReach = R.index(1u << NumReachBits);
    S.ExplicitSection = B & FlagExplicit;
    S.Defined = B & FlagDefined;
    S.InternalLinkage = B & FlagInternal;
    S.Retained = B & FlagRetained;
    S.AlwaysInline = B & FlagAlwaysInline;
    S.IsConst = B & FlagConst;
    S.InSystemHeader = B & FlagSystemHeader;
    S.IsIntVoid = B & FlagIntVoid;
    S.IsVoidVoid = B & FlagVoidVoid;
    S.Weak = B & FlagWeak;
    S.Inline = B & FlagInline;
    S.Loc = R.loc();
    S.AnnotationLoc = B & FlagNoAnnotationLoc ? S.Loc : R.loc();
    S.Type = R.str();
    uint64_t NNotes = R.u();
    S.FirstNote = F.Notes.size();
    for (uint64_t N = 0; N != NNotes && !R.failed(); ++N) {
      PackedNote Note;
      Note.Bit = R.index(1u << NumReachBits);
      Note.Where = R.loc();
      Note.Message = R.str();
      F.Notes.push_back(Note);
    }
    S.NumNotes = F.Notes.size() - S.FirstNote;
    F.Symbols.push_back(S);
  }
  uint64_t NRefs = R.u();
  if (NRefs > Payload.size())
    return createStringError("corrupt facts: reference count");
  F.Refs.reserve(NRefs);
  for (uint64_t I = 0; I != NRefs && !R.failed(); ++I) {
    PackedReference Ref;
    Ref.From = R.index(F.Symbols.size());
    Ref.To = R.index(F.Symbols.size());
    Ref.Kind = RefKind(R.index(3));
    Ref.Loc = R.loc();
    F.Refs.push_back(Ref);
  }
  uint64_t NCalls = R.u();
  if (NCalls > Payload.size())
    return createStringError("corrupt facts: initcall count");
  F.Initcalls.reserve(NCalls);
  for (uint64_t I = 0; I != NCalls && !R.failed(); ++I) {
    PackedInitcall C;
    C.Level = R.str();
    C.Entry = R.index(F.Symbols.size());
    C.Function = R.index(F.Symbols.size());
    C.Position = R.u();
    F.Initcalls.push_back(C);
  }
  uint64_t NEdges = R.u();
  if (NEdges > Payload.size())
    return createStringError("corrupt facts: edge count");
  if (WithEdges)
    F.Edges.reserve(NEdges);
  for (uint64_t I = 0; I != NEdges && !R.failed(); ++I) {
    PackedReference E;
    E.From = R.index(F.Symbols.size());
    E.To = R.index(F.Symbols.size());
    E.Kind = RefKind(R.index(3));
    if (WithEdges)
      F.Edges.push_back(E);
  }
  if (R.failed())
    return createStringError("truncated or corrupt facts record");
  F.Strings = std::move(R.Strings);
  return std::move(F);
}

void FactsView::location(const PackedLocation &L, Location &Out) const {
  Out.File = Strings[L.File].str();
  Out.Line = L.Line;
  Out.Column = L.Column;
}

void FactsView::symbol(unsigned I, bool WithNotes, Symbol &S) const {
  const PackedSymbol &P = Symbols[I];
  S.Name = Strings[P.Name].str();
  S.Identifier = Strings[P.Identifier].str();
  S.LinkName = Strings[P.LinkName].str();
  S.Kind = P.Kind;
  S.Section = Strings[P.Section].str();
  S.Class = P.Class;
  S.FixedReach = P.FixedReach;
  S.ExplicitSection = P.ExplicitSection;
  S.Defined = P.Defined;
  S.InternalLinkage = P.InternalLinkage;
  S.Retained = P.Retained;
  S.AlwaysInline = P.AlwaysInline;
  S.IsConst = P.IsConst;
  S.InSystemHeader = P.InSystemHeader;
  S.IsIntVoid = P.IsIntVoid;
  S.IsVoidVoid = P.IsVoidVoid;
  S.Weak = P.Weak;
  S.Inline = P.Inline;
  location(P.Loc, S.Loc);
  location(P.AnnotationLoc, S.AnnotationLoc);
  S.Type = Strings[P.Type].str();
  if (!WithNotes)
    return;
  S.FixedReachNotes.resize(P.NumNotes);
  for (uint32_t N = 0; N != P.NumNotes; ++N) {
    const PackedNote &Note = Notes[P.FirstNote + N];
    auto &[Bit, Into] = S.FixedReachNotes[N];
    Bit = Note.Bit;
    location(Note.Where, Into.Where);
    Into.Message = Strings[Note.Message].str();
  }
}

namespace {
/// A record's framing, checked; its payload is decoded later.
struct FramedRecord {
  StringRef Payload;
  uint32_t RawSize;
};
} // namespace

/// Decompress (if need be) and decode one record.
static Expected<FactsView> decodeRecord(const FramedRecord &Rec,
                                        bool WithEdges) {
  if (!Rec.RawSize)
    return decodePayload(Rec.Payload, WithEdges);
  std::unique_ptr<char[]> Unpacked(new char[Rec.RawSize]);
  size_t Size = Rec.RawSize;
  if (Error E = compression::zlib::decompress(
          arrayRefFromStringRef(Rec.Payload),
          reinterpret_cast<uint8_t *>(Unpacked.get()), Size)) {
    consumeError(std::move(E));
    return createStringError("corrupt compressed facts record");
  }
  Expected<FactsView> F =
      decodePayload(StringRef(Unpacked.get(), Size), WithEdges);
  if (F)
    F->Unpacked = std::move(Unpacked);
  return F;
}

Expected<std::vector<FactsView>> decodeFacts(StringRef Section,
                                             bool WithEdges) {
  // Frame every record first (cheap), then decode them in parallel; the
  // first error in section order wins, as if decoded one by one.
  std::vector<FramedRecord> Records;
  std::optional<std::string> FramingError;
  while (true) {
    Section = Section.drop_while([](char C) { return C == 0; });
    if (Section.empty())
      break;
    if (!Section.starts_with(Magic)) {
      FramingError = "not an initcheck facts record (bad magic)";
      break;
    }
    if (Section.size() < 20) {
      FramingError = "truncated facts record header";
      break;
    }
    auto U32 = [&](size_t At) {
      uint32_t V = 0;
      for (int I = 0; I != 4; ++I)
        V |= uint32_t(uint8_t(Section[At + I])) << (8 * I);
      return V;
    };
    uint32_t Version = U32(8), Size = U32(12), RawSize = U32(16);
    if (Version > FactsFormatVersion) {
      FramingError = ("facts format version " + Twine(Version) +
                      " is newer than this initcheck (" +
                      Twine(FactsFormatVersion) + ")")
                         .str();
      break;
    }
    if (Version < FactsFormatVersion) {
      FramingError = ("facts format version " + Twine(Version) +
                      " is older than this initcheck (" +
                      Twine(FactsFormatVersion) +
                      "): rebuild the object with this plugin")
                         .str();
      break;
    }
    if (Section.size() - 20 < Size) {
      FramingError = "truncated facts record";
      break;
    }
    if (RawSize && !compression::zlib::isAvailable()) {
      FramingError = "compressed facts, but no zlib support";
      break;
    }
    Records.push_back({Section.substr(20, Size), RawSize});
    Section = Section.drop_front(20 + Size);
  }

  std::vector<std::optional<FactsView>> Views(Records.size());
  std::vector<std::string> Errors(Records.size());
  parallelFor(0, Records.size(), [&](size_t I) {
    Expected<FactsView> F = decodeRecord(Records[I], WithEdges);
    if (F)
      Views[I] = std::move(*F);
    else
      Errors[I] = toString(F.takeError());
  });
  std::vector<FactsView> Out;
  Out.reserve(Records.size());
  for (size_t I = 0; I != Records.size(); ++I) {
    if (!Views[I])
      return createStringError(Twine(Errors[I]));
    Out.push_back(std::move(*Views[I]));
  }
  if (FramingError)
    return createStringError(Twine(*FramingError));
  return std::move(Out);
}

std::string factsAsm(StringRef Record) {
  std::string Asm;
  raw_string_ostream OS(Asm);
  // "e": SHF_EXCLUDE, not "a": never loaded, dropped by final links, kept
  // and concatenated by ld -r.
  OS << "\t.pushsection " << FactsSectionName << ",\"e\",@progbits\n";
  for (size_t I = 0; I < Record.size(); I += 64) {
    OS << "\t.byte ";
    for (size_t J = I; J < std::min(Record.size(), I + 64); ++J)
      OS << (J == I ? "" : ",") << unsigned(uint8_t(Record[J]));
    OS << "\n";
  }
  OS << "\t.popsection\n";
  return Asm;
}

} // namespace initcheck
