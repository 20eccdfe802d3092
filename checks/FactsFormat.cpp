//===- FactsFormat.cpp - TuFacts in an object file ------------------------===//
#include "checks/FactsFormat.h"
#include "checks/FactsEncoding.h"
#include "checks/Residency.h"
#include "checks/SymbolDescription.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {

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
    Set(S.InitOrModule, FlagInitOrModule);
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
