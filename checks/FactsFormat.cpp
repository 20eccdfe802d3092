//===- FactsFormat.cpp - TuFacts in an object file ------------------------===//
#include "checks/FactsFormat.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
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
  explicit Reader(StringRef Data) : Data(Data) {}
  bool failed() const { return Failed; }
  uint64_t u() {
    uint64_t V = 0;
    for (unsigned Shift = 0; Shift < 64; Shift += 7) {
      if (Data.empty())
        return fail();
      uint8_t Byte = Data.front();
      Data = Data.drop_front();
      V |= uint64_t(Byte & 0x7f) << Shift;
      if (!(Byte & 0x80))
        return V;
    }
    return fail();
  }
  StringRef raw(size_t N) {
    if (Data.size() < N) {
      fail();
      return "";
    }
    StringRef S = Data.take_front(N);
    Data = Data.drop_front(N);
    return S;
  }
  std::string str() {
    uint64_t I = u();
    if (I >= Strings.size()) {
      fail();
      return "";
    }
    return Strings[I].str();
  }
  Location loc() {
    Location L;
    L.File = str();
    L.Line = u();
    L.Column = u();
    return L;
  }
  void readTable() {
    uint64_t N = u();
    if (N > Data.size()) {
      fail();
      return;
    }
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

private:
  uint64_t fail() {
    Failed = true;
    Data = "";
    return 0;
  }
  StringRef Data;
  std::vector<StringRef> Strings;
  bool Failed = false;
};

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
};
} // namespace

std::string encodeFacts(const TuFacts &F) {
  Writer W;
  W.u(F.DataSections | (F.KernelWithoutModules << 1));
  W.u(F.Symbols.size());
  for (const Symbol &S : F.Symbols) {
    W.str(S.Name);
    W.str(S.Identifier);
    W.str(S.LinkName);
    W.u(unsigned(S.Kind));
    W.str(S.Section);
    W.u(unsigned(S.Class));
    W.u((S.ExplicitSection ? FlagExplicit : 0) | (S.Defined ? FlagDefined : 0) |
        (S.InternalLinkage ? FlagInternal : 0) |
        (S.Retained ? FlagRetained : 0) |
        (S.AlwaysInline ? FlagAlwaysInline : 0) |
        (S.IsConst ? FlagConst : 0) |
        (S.InSystemHeader ? FlagSystemHeader : 0) |
        (S.IsIntVoid ? FlagIntVoid : 0) | (S.IsVoidVoid ? FlagVoidVoid : 0));
    W.loc(S.Loc);
    W.loc(S.AnnotationLoc);
    W.str(S.Type);
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
  std::string Payload = W.finish();
  std::string Record = Magic.str();
  auto PutU32 = [&](uint32_t V) {
    for (int I = 0; I != 4; ++I)
      Record.push_back(char((V >> (8 * I)) & 0xff));
  };
  PutU32(FactsFormatVersion);
  PutU32(Payload.size());
  return Record + Payload;
}

static Expected<TuFacts> decodePayload(StringRef Payload) {
  Reader R(Payload);
  R.readTable();
  TuFacts F;
  uint64_t Flags = R.u();
  F.DataSections = Flags & 1;
  F.KernelWithoutModules = Flags & 2;
  uint64_t NSyms = R.u();
  if (NSyms > Payload.size())
    return createStringError("corrupt facts: symbol count");
  for (uint64_t I = 0; I != NSyms && !R.failed(); ++I) {
    Symbol S;
    S.Name = R.str();
    S.Identifier = R.str();
    S.LinkName = R.str();
    S.Kind = SymbolKind(R.index(3));
    S.Section = R.str();
    S.Class = SectionClass(R.index(unsigned(SectionClass::Unchecked) + 1));
    uint64_t B = R.u();
    S.ExplicitSection = B & FlagExplicit;
    S.Defined = B & FlagDefined;
    S.InternalLinkage = B & FlagInternal;
    S.Retained = B & FlagRetained;
    S.AlwaysInline = B & FlagAlwaysInline;
    S.IsConst = B & FlagConst;
    S.InSystemHeader = B & FlagSystemHeader;
    S.IsIntVoid = B & FlagIntVoid;
    S.IsVoidVoid = B & FlagVoidVoid;
    S.Loc = R.loc();
    S.AnnotationLoc = R.loc();
    S.Type = R.str();
    F.Symbols.push_back(std::move(S));
  }
  uint64_t NRefs = R.u();
  if (NRefs > Payload.size())
    return createStringError("corrupt facts: reference count");
  for (uint64_t I = 0; I != NRefs && !R.failed(); ++I) {
    Reference Ref;
    Ref.From = R.index(F.Symbols.size());
    Ref.To = R.index(F.Symbols.size());
    Ref.Kind = RefKind(R.index(3));
    Ref.Loc = R.loc();
    F.Refs.push_back(std::move(Ref));
  }
  uint64_t NCalls = R.u();
  if (NCalls > Payload.size())
    return createStringError("corrupt facts: initcall count");
  for (uint64_t I = 0; I != NCalls && !R.failed(); ++I) {
    Initcall C;
    C.Level = R.str();
    C.Entry = R.index(F.Symbols.size());
    C.Function = R.index(F.Symbols.size());
    C.Position = R.u();
    F.Initcalls.push_back(std::move(C));
  }
  if (R.failed())
    return createStringError("truncated or corrupt facts record");
  return F;
}

Expected<std::vector<TuFacts>> decodeFacts(StringRef Section) {
  std::vector<TuFacts> Out;
  while (true) {
    Section = Section.drop_while([](char C) { return C == 0; });
    if (Section.empty())
      return Out;
    if (!Section.starts_with(Magic))
      return createStringError("not an initcheck facts record (bad magic)");
    if (Section.size() < 16)
      return createStringError("truncated facts record header");
    auto U32 = [&](size_t At) {
      uint32_t V = 0;
      for (int I = 0; I != 4; ++I)
        V |= uint32_t(uint8_t(Section[At + I])) << (8 * I);
      return V;
    };
    uint32_t Version = U32(8), Size = U32(12);
    if (Version > FactsFormatVersion)
      return createStringError("facts format version " + Twine(Version) +
                               " is newer than this initcheck (" +
                               Twine(FactsFormatVersion) + ")");
    if (Section.size() - 16 < Size)
      return createStringError("truncated facts record");
    Expected<TuFacts> F = decodePayload(Section.substr(16, Size));
    if (!F)
      return F.takeError();
    Out.push_back(std::move(*F));
    Section = Section.drop_front(16 + Size);
  }
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
