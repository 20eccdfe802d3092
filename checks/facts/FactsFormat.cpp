//===- FactsFormat.cpp - TuFacts in an object file ------------------------===//
#include "checks/facts/FactsFormat.h"
#include "checks/facts/FactsEncoding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {

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
  /// A count, then each of \p Items as \p Each writes it.
  template <typename Range, typename Fn>
  void list(const Range &Items, Fn Each) {
    u(Items.size());
    for (const auto &Item : Items)
      Each(Item);
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

} // namespace

std::string encodeFacts(const TuFacts &F) {
  Writer W;
  W.u(F.DataSections | (F.KernelWithoutModules << 1) | (F.LinuxKernel << 2));
  W.u(F.Symbols.size());
  for (const Symbol &S : F.Symbols) {
    bool IdIsName = S.Identifier == S.Name;
    bool LinkIsId = S.LinkName == S.Identifier;
    bool NoAnnotationLoc = S.AnnotationLoc.File == S.Loc.File &&
                           S.AnnotationLoc.Line == S.Loc.Line &&
                           S.AnnotationLoc.Column == S.Loc.Column;
    unsigned Flags = 0;
    auto Set = [&](bool On, SymbolFlags Flag) { Flags |= On ? Flag : 0u; };
#define SYMBOL_FLAG(Field, Flag, Bit) Set(S.Field, Flag);
#include "checks/model/SymbolFlags.def"
    Set(IdIsName, FlagIdentifierIsName);
    Set(LinkIsId, FlagLinkNameIsIdentifier);
    Set(NoAnnotationLoc, FlagNoAnnotationLoc);
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
    W.list(S.FixedReachNotes, [&](const auto &Note) {
      W.u(Note.first);
      W.loc(Note.second.Where);
      W.str(Note.second.Message);
    });
  }
  // References and edges are one record part; edges have no location.
  auto Refs = [&](const std::vector<Reference> &List, bool WithLoc) {
    W.list(List, [&](const Reference &R) {
      W.u(R.From);
      W.u(R.To);
      W.u(unsigned(R.Kind));
      if (WithLoc)
        W.loc(R.Loc);
    });
  };
  auto Str = [&](const std::string &S) { W.str(S); };
  Refs(F.Refs, /*WithLoc=*/true);
  W.list(F.Initcalls, [&](const Initcall &C) {
    W.str(C.Level);
    W.u(C.Entry);
    W.u(C.Function);
    W.u(C.Position);
  });
  Refs(F.Edges, /*WithLoc=*/false);
  W.list(F.Suppressions, [&](const Suppression &S) {
    W.loc(S.Where);
    W.u(S.Line);
    W.list(S.Rules, Str);
    W.str(S.Reason);
  });
  // Phase guards, then the references under one (few: most units none).
  W.list(F.Guards, Str);
  size_t Guarded = llvm::count_if(F.Refs, [](const Reference &R) { return R.Guard; });
  W.u(Guarded);
  for (size_t I = 0; I != F.Refs.size(); ++I)
    if (F.Refs[I].Guard) {
      W.u(I);
      W.u(F.Refs[I].Guard);
    }
  // Flows (docs/facts-format.md#flows): what the link's escape analysis
  // follows across files.
  W.list(F.Flows, [&](const Flow &Fl) {
    bool FromValue = Fl.Value != NoSymbol;
    W.u(unsigned(Fl.Sink) | (Fl.Contents << 3) | (FromValue << 4) |
        (Fl.Indirect << 5));
    W.u(Fl.From);
    W.u(FromValue ? Fl.Value : Fl.Param);
    if (Fl.Sink == FlowSink::Global || Fl.Sink == FlowSink::Argument)
      W.u(Fl.Target + 1); // NoSymbol: 0
    if (Fl.Sink == FlowSink::Argument)
      W.u(Fl.Arg);
    if (Fl.Sink == FlowSink::Global || isUse(Fl.Sink))
      W.str(Fl.Field);
    W.loc(Fl.Loc);
  });
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
  std::string Record = FactsMagic.str();
  auto PutU32 = [&](uint32_t V) {
    for (int I = 0; I != 4; ++I)
      Record.push_back(char((V >> (8 * I)) & 0xff));
  };
  PutU32(FactsFormatVersion);
  PutU32(Payload.size());
  PutU32(RawSize);
  return Record + Payload;
}

std::string factsAsm(StringRef Record) {
  std::string Asm;
  raw_string_ostream OS(Asm);
  // "e": SHF_EXCLUDE, not "a": never loaded, dropped by final links, kept
  // and concatenated by ld -r. The type is "%progbits", not "@progbits":
  // '@' starts a comment in 32-bit arm assembly, and '%' is the spelling
  // every ELF assembler accepts, LLVM's and GNU as alike (the kernel's
  // include/linux/export-internal.h writes it so for the same reason).
  OS << "\t.pushsection " << FactsSectionName << ",\"e\",%progbits\n";
  for (size_t I = 0; I < Record.size(); I += 64) {
    OS << "\t.byte ";
    for (size_t J = I; J < std::min(Record.size(), I + 64); ++J)
      OS << (J == I ? "" : ",") << unsigned(uint8_t(Record[J]));
    OS << "\n";
  }
  OS << "\t.popsection\n";
  return Asm;
}

bool targetStoresFacts(const Triple &T) {
  return T.isOSBinFormatELF() && !T.isNVPTX();
}

} // namespace initcheck
