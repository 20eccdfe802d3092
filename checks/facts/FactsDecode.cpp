//===- FactsDecode.cpp - Reading the facts records back -------------------===//
//
// Only `initcheck link` decodes, so this lives apart from the encoder: the
// plugin and the tidy module do not pull it (nor its inflater) in.
//
//===----------------------------------------------------------------------===//
#include "checks/facts/FactsEncoding.h"
#include "checks/facts/FactsFormat.h"
#include "checks/facts/FactsReader.h"
#include "checks/model/Reach.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Parallel.h"
#include <memory>
#include <optional>
#ifdef INITCHECK_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

using namespace llvm;

namespace initcheck {
using facts_detail::Reader;


/// The phase guards and the references under them; false when corrupt.
static bool readGuards(Reader &R, FactsView &F, size_t Limit) {
  if (!R.list(std::min<size_t>(Limit, UINT16_MAX),
              [&] { F.Guards.push_back(R.str()); }))
    return false;
  if (!R.list(F.Refs.size(), [&] {
        unsigned Ref = R.index(F.Refs.size());
        F.Refs[Ref].Guard = R.index(F.Guards.size() + 1);
      }))
    return false;
  return !R.failed();
}

/// The flows (docs/facts-format.md#flows); false when the count is corrupt.
static bool readFlows(Reader &R, FactsView &F, size_t Limit) {
  size_t NSyms = F.Symbols.size();
  bool BadKind = false;
  auto Each = [&] {
    PackedFlow Fl;
    unsigned Kind = R.index(64);
    if ((Kind & 7) > unsigned(FlowSink::Cleared)) {
      BadKind = true;
      Kind = unsigned(FlowSink::Unknown);
    }
    Fl.Sink = FlowSink(Kind & 7);
    Fl.Contents = Kind & 8;
    Fl.Indirect = Kind & 32;
    Fl.From = R.index(NSyms);
    if (Kind & 16)
      Fl.Value = R.index(NSyms);
    else
      Fl.Param = R.u();
    if (Fl.Sink == FlowSink::Global || Fl.Sink == FlowSink::Argument)
      Fl.Target = unsigned(R.index(NSyms + 1)) - 1; // 0: NoSymbol
    if (Fl.Sink == FlowSink::Argument)
      Fl.Arg = R.u();
    if (Fl.Sink == FlowSink::Global || isUse(Fl.Sink))
      Fl.Field = R.str();
    if (isUse(Fl.Sink))
      Fl.Target = Fl.Value; // a use names its object once
    Fl.Loc = R.loc();
    F.Flows.push_back(Fl);
  };
  return R.list(Limit, Each, [&](uint64_t N) { F.Flows.reserve(N); }) &&
         !BadKind;
}

/// One payload; \p Payload must outlive the view (its strings point there).
static Expected<FactsView> decodePayload(StringRef Payload, bool WithEdges) {
  Reader R(Payload);
  R.readTable();
  FactsView F;
  uint64_t Flags = R.u();
  F.DataSections = Flags & 1;
  F.KernelWithoutModules = Flags & 2;
  F.LinuxKernel = Flags & 4;
  uint64_t NSyms = R.u();
  if (NSyms > Payload.size())
    return createStringError("corrupt facts: symbol count");
  F.Symbols.reserve(NSyms);
  // No reserve for Notes: helpers have one or two, most symbols none.
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
#define SYMBOL_FLAG(Field, Flag, Bit) S.Field = B & Flag;
#include "checks/model/SymbolFlags.def"
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
  // References and edges are one record part; edges have no location.
  // Into null: checked, not kept. False when the count is corrupt.
  auto ReadRefs = [&](std::vector<PackedReference> *Into, bool WithLoc) {
    auto Each = [&] {
      PackedReference Ref;
      Ref.From = R.index(F.Symbols.size());
      Ref.To = R.index(F.Symbols.size());
      Ref.Kind = RefKind(R.index(3));
      if (WithLoc)
        Ref.Loc = R.loc();
      if (Into)
        Into->push_back(Ref);
    };
    return R.list(Payload.size(), Each, [&](uint64_t N) {
      if (Into)
        Into->reserve(N);
    });
  };
  if (!ReadRefs(&F.Refs, /*WithLoc=*/true))
    return createStringError("corrupt facts: reference count");
  auto ReadInitcall = [&] {
    PackedInitcall C;
    C.Level = R.str();
    C.Entry = R.index(F.Symbols.size());
    C.Function = R.index(F.Symbols.size());
    C.Position = R.u();
    F.Initcalls.push_back(C);
  };
  if (!R.list(Payload.size(), ReadInitcall,
              [&](uint64_t N) { F.Initcalls.reserve(N); }))
    return createStringError("corrupt facts: initcall count");
  if (!ReadRefs(WithEdges ? &F.Edges : nullptr, /*WithLoc=*/false))
    return createStringError("corrupt facts: edge count");
  bool RulesCorrupt = false;
  auto ReadSuppression = [&] {
    PackedSuppression S;
    S.Where = R.loc();
    S.Line = R.u();
    RulesCorrupt |= !R.list(Payload.size(),
                            [&] { S.Rules.push_back(R.str()); });
    S.Reason = R.str();
    F.Suppressions.push_back(std::move(S));
  };
  if (!R.list(Payload.size(), ReadSuppression))
    return createStringError("corrupt facts: suppression count");
  if (RulesCorrupt)
    return createStringError("corrupt facts: suppression rule count");
  // A record that already ran out says so below.
  if (!readGuards(R, F, Payload.size()) && !R.failed())
    return createStringError("corrupt facts: phase guards");
  if (!readFlows(R, F, Payload.size()) && !R.failed())
    return createStringError("corrupt facts: flow count");
  if (R.failed())
    return createStringError("truncated or corrupt facts record");
  F.Strings = std::move(R.Strings);
  return std::move(F);
}

uint32_t FactsView::addString(std::string S) {
  Added.push_back(std::move(S));
  Strings.push_back(Added.back());
  return Strings.size() - 1;
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
#define SYMBOL_FLAG(Field, Flag, Bit) S.Field = P.Field;
#include "checks/model/SymbolFlags.def"
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

void FactsView::flow(unsigned I, const std::vector<unsigned> &Map,
                     Flow &Out) const {
  const PackedFlow &P = Flows[I];
  auto Mapped = [&](uint32_t Sym) { return Sym == NoSymbol ? NoSymbol : Map[Sym]; };
  Out.From = Map[P.From];
  Out.Value = Mapped(P.Value);
  Out.Param = P.Param;
  Out.Contents = P.Contents;
  Out.Indirect = P.Indirect;
  Out.Sink = P.Sink;
  Out.Target = Mapped(P.Target);
  Out.Arg = P.Arg;
  Out.Field = Strings[P.Field].str();
  location(P.Loc, Out.Loc);
}

namespace {
/// A record's framing, checked; its payload is decoded later.
struct FramedRecord {
  StringRef Payload;
  uint32_t RawSize;
};
} // namespace

static bool canInflate() {
#ifdef INITCHECK_HAVE_LIBDEFLATE
  return true;
#else
  return compression::zlib::isAvailable();
#endif
}

/// Inflate the zlib stream \p In into \p Out, which holds \p Size bytes;
/// \p Size becomes the inflated size. As zlib's uncompress(): false for a
/// corrupt or truncated stream or one that does not fit, bytes after the
/// stream ignored. libdeflate, where the build found it, is twice as fast.
static bool inflate(StringRef In, char *Out, size_t &Size) {
#ifdef INITCHECK_HAVE_LIBDEFLATE
  struct Free {
    void operator()(libdeflate_decompressor *D) const {
      libdeflate_free_decompressor(D);
    }
  };
  // One per thread: records are inflated in parallel.
  thread_local std::unique_ptr<libdeflate_decompressor, Free> Inflater(
      libdeflate_alloc_decompressor());
  size_t Read = 0, Written = 0;
  if (!Inflater ||
      libdeflate_zlib_decompress_ex(Inflater.get(), In.data(), In.size(), Out,
                                    Size, &Read, &Written) !=
          LIBDEFLATE_SUCCESS)
    return false;
  Size = Written;
  return true;
#else
  if (Error E = compression::zlib::decompress(
          arrayRefFromStringRef(In), reinterpret_cast<uint8_t *>(Out), Size)) {
    consumeError(std::move(E));
    return false;
  }
  return true;
#endif
}

/// Decompress (if need be) and decode one record.
static Expected<FactsView> decodeRecord(const FramedRecord &Rec,
                                        bool WithEdges) {
  if (!Rec.RawSize)
    return decodePayload(Rec.Payload, WithEdges);
  std::unique_ptr<char[]> Unpacked(new char[Rec.RawSize]);
  size_t Size = Rec.RawSize;
  if (!inflate(Rec.Payload, Unpacked.get(), Size))
    return createStringError("corrupt compressed facts record");
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
    if (!Section.starts_with(FactsMagic)) {
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
    if (RawSize && !canInflate()) {
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
} // namespace initcheck
