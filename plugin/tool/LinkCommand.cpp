//===- LinkCommand.cpp - initcheck link -----------------------------------===//
//
// Reads the facts the plugin stored in each object (objects, archives, or
// ld -r outputs such as vmlinux.o, whose facts section holds every unit's
// record in link order), joins them, runs the same rules as the plugin on
// the whole program, and prints the initcall order table.
//
// Text: the table on stdout, one initcall per line ("LEVEL FUNCTION
// FILE:LINE"), mismatches on stderr as compiler diagnostics. JSON: both in
// one document on stdout. SARIF (--format=sarif): the mismatches as SARIF
// 2.1.0 on stdout (no table). Bad input writes nothing and exits 2.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "FollowObject.h"
#include "checks/facts/FactsFormat.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/FindingJson.h"
#include "checks/program/Options.h"
#include "checks/rules/Rules.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/OrderTable.h"
#include "checks/reports/Sarif.h"
#include "checks/reports/Triage.h"
#include "checks/rules/SymbolDescription.h"
#include "checks/program/WholeProgram.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {
namespace {

/// A one-line error for bad input, with the file it concerns.
struct InputError {
  std::string Message;
};

class FactsReader {
public:
  /// \p ForSuggestions: also read the call graph and the sizes of
  /// functions from the symbol tables (--suggest).
  /// \p Extra: the project's own sections, to classify the sections of
  /// objects a build renamed.
  FactsReader(bool ForSuggestions, const ExtraSections &Extra)
      : WantCallGraph(ForSuggestions), WantFunctionSizes(ForSuggestions),
        Extra(Extra) {}

  /// Read every facts record of \p Path (an object or an archive).
  std::optional<InputError> read(StringRef Path) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
    if (!Buf)
      return InputError{Path.str() + ": " + Buf.getError().message()};
    // Uncompressed records are decoded in place: keep the file mapped.
    Buffers.push_back(std::move(*Buf));
    if (identify_magic(Buffers.back()->getBuffer()) == file_magic::bitcode)
      return bitcode(Path.str());
    Expected<std::unique_ptr<object::Binary>> Bin =
        object::createBinary(Buffers.back()->getMemBufferRef());
    if (!Bin) {
      consumeError(Bin.takeError());
      return InputError{Path.str() + ": not an object file or archive"};
    }
    if (auto *A = dyn_cast<object::Archive>(Bin->get())) {
      Error Err = Error::success();
      for (const object::Archive::Child &C : A->children(Err)) {
        Expected<StringRef> Name = C.getName();
        std::string Member =
            Path.str() + "(" + (Name ? Name->str() : std::string("?")) + ")";
        if (!Name)
          consumeError(Name.takeError());
        Expected<MemoryBufferRef> MemberBuf = C.getMemoryBufferRef();
        if (MemberBuf &&
            identify_magic(MemberBuf->getBuffer()) == file_magic::bitcode)
          return bitcode(Member);
        if (!MemberBuf)
          consumeError(MemberBuf.takeError());
        Expected<std::unique_ptr<object::Binary>> MB = C.getAsBinary();
        if (!MB) {
          consumeError(MB.takeError());
          continue; // symbol tables and other non-object members
        }
        if (auto *O = dyn_cast<object::ObjectFile>(MB->get()))
          if (auto E = readObject(*O, Member))
            return E;
      }
      if (Err)
        return InputError{Path.str() + ": " + toString(std::move(Err))};
      return std::nullopt;
    }
    if (auto *O = dyn_cast<object::ObjectFile>(Bin->get()))
      return readObject(*O, Path.str());
    return InputError{Path.str() + ": not an object file or archive"};
  }

  std::vector<FactsView> Units;
  std::vector<std::unique_ptr<MemoryBuffer>> Buffers;
  std::vector<std::string> UnitObjects;
  /// Sizes of defined functions, from the objects' symbol tables.
  StringMap<uint64_t> FunctionSizes;
  /// What following the objects' renames said (followObject), for stderr.
  std::vector<std::string> Notes;

private:
  bool WantCallGraph, WantFunctionSizes;
  const ExtraSections &Extra;

  /// ThinLTO and full LTO objects are LLVM bitcode: the record is still
  /// module asm text, and renames (objcopy) cannot have happened yet.
  static InputError bitcode(const std::string &Name) {
    return InputError{Name + ": LLVM bitcode (LTO): link it first (ld.lld "
                             "-r, as the kernel makes vmlinux.o) and give "
                             "initcheck link the result"};
  }

  std::optional<InputError> readObject(const object::ObjectFile &O,
                                       const std::string &Name) {
    if (const auto *Elf = dyn_cast<object::ELFObjectFileBase>(&O);
        Elf && WantFunctionSizes)
      for (const object::ELFSymbolRef &Sym : Elf->symbols()) {
        Expected<object::SymbolRef::Type> Type = Sym.getType();
        Expected<StringRef> SymName = Sym.getName();
        if (Type && SymName && *Type == object::SymbolRef::ST_Function &&
            Sym.getSize())
          FunctionSizes[*SymName] = Sym.getSize();
        if (!Type)
          consumeError(Type.takeError());
        if (!SymName)
          consumeError(SymName.takeError());
      }
    for (const object::SectionRef &S : O.sections()) {
      Expected<StringRef> SN = S.getName();
      if (!SN) {
        consumeError(SN.takeError());
        continue;
      }
      if (*SN != FactsSectionName)
        continue;
      Expected<StringRef> Data = S.getContents();
      if (!Data)
        return InputError{Name + ": " + toString(Data.takeError())};
      Expected<std::vector<FactsView>> Facts =
          decodeFacts(*Data, /*WithEdges=*/WantCallGraph);
      if (!Facts)
        return InputError{Name + ": " + toString(Facts.takeError())};
      // The object is the truth: where a build renamed symbols or sections
      // after compiling, its records take the object's names.
      followObject(O, *Facts, Name, Extra, Notes);
      for (FactsView &F : *Facts) {
        Units.push_back(std::move(F));
        UnitObjects.push_back(Name);
      }
    }
    return std::nullopt;
  }
};

class CollectingSink : public FindingSink {
public:
  void report(const Finding &F) override { Findings.push_back(F); }
  std::vector<Finding> Findings;
};

std::string where(const Location &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

struct SuggestionLine {
  const char *Kind; ///< "could-be-init" or "dead-init"
  const Symbol *Fn;
  uint64_t Bytes;
};

std::vector<SuggestionLine> suggestions(const WholeProgram &P,
                                        const StringMap<uint64_t> &Sizes) {
  std::vector<SuggestionLine> Out;
  for (const Suggestion &S : suggestInit(P)) {
    const Symbol &Fn = P.Facts.Symbols[S.Symbol];
    auto It = Sizes.find(Fn.LinkName.empty() ? Fn.Identifier : Fn.LinkName);
    Out.push_back({S.Kind == Suggestion::CouldBeInit ? "could-be-init"
                                                     : "dead-init",
                   &Fn, It == Sizes.end() ? 0 : It->second});
  }
  return Out;
}

void printText(const WholeProgram &P, const std::vector<Finding> &Findings,
               bool Verbose, raw_ostream &Table, raw_ostream &Diags) {
  static const char *const Levels[] = {"error", "warning", "remark"};
  for (const Finding &F : Findings) {
    TextLevel Level = textLevel(F, Verbose);
    if (Level == TextLevel::Hidden)
      continue;
    Diags << where(F.Where) << ": " << Levels[unsigned(Level)] << ": "
          << textMessage(F, /*WithId=*/true, /*Placed=*/true) << "\n";
    if (std::optional<FindingNote> Why = vouchNote(F))
      Diags << where(Why->Where) << ": note: " << Why->Message << "\n";
    if (Level != TextLevel::Remark || F.By != Vouched::Reported)
      for (const FindingNote &N : F.Notes)
        Diags << where(N.Where) << ": note: " << N.Message << "\n";
  }
  for (unsigned I : initcallOrder(P)) {
    const Initcall &C = P.Facts.Initcalls[I];
    const Symbol &Entry = P.Facts.Symbols[C.Entry];
    Table << C.Level << "\t" << P.Facts.Symbols[C.Function].Name << "\t"
          << Entry.Loc.File << ":" << Entry.Loc.Line << "\n";
  }
}

void printJson(const WholeProgram &P, const std::vector<Finding> &Findings,
               const std::vector<SuggestionLine> *Suggested, raw_ostream &OS) {
  json::OStream J(OS, 1);
  J.object([&] {
    writeOrderTable(J, P);
    J.attributeArray("mismatches", [&] {
      std::vector<std::string> Prints = fingerprints(Findings);
      for (size_t N = 0; N != Findings.size(); ++N)
        writeFindingJson(J, Findings[N], Prints[N]);
    });
    if (Suggested)
      J.attributeArray("suggestions", [&] {
        for (const SuggestionLine &S : *Suggested)
          J.object([&] {
            J.attribute("kind", S.Kind);
            J.attribute("function", S.Fn->Name);
            J.attribute("file", S.Fn->Loc.File);
            J.attribute("line", S.Fn->Loc.Line);
            J.attribute("bytes", int64_t(S.Bytes));
          });
      });
  });
  OS << "\n";
}

/// What only the whole program can say about a finding: warn-only, and
/// the notes for a target the object moved and for a declaration that hid
/// the mismatch from its file (the wording is SymbolDescription's).
void explainLinkFindings(const WholeProgram &P, bool WarnOnly,
                         std::vector<Finding> &Findings) {
  for (Finding &F : Findings) {
    if (WarnOnly)
      F.Level = Severity::Warning;
    auto Plain = F.Ref ? P.PlainDeclaration.find(*F.Ref)
                       : P.PlainDeclaration.end();
    auto Moved = F.Ref ? P.MovedByObject.find(P.Facts.Refs[*F.Ref].To)
                       : P.MovedByObject.end();
    if (Moved != P.MovedByObject.end()) {
      // Not "declared __init here": the build put it there, not the source.
      const Symbol &To = P.Facts.Symbols[P.Facts.Refs[*F.Ref].To];
      std::string Declared = annotationNote(To).Message;
      llvm::erase_if(F.Notes, [&](const FindingNote &N) {
        return N.Message == Declared;
      });
      F.Notes.push_back(movedByObjectNote(To, Moved->second.CompiledSection,
                                          Moved->second.Object));
    }
    if (Plain != P.PlainDeclaration.end())
      F.Notes.push_back(plainDeclarationNote(
          P.Facts.Symbols[P.Facts.Refs[*F.Ref].To], Plain->second));
  }
}

int fail(const std::string &Message) {
  errs() << "initcheck link: " << Message << "\n";
  return 2;
}

} // namespace

int runLink(ArrayRef<StringRef> Args) {
  std::string Format = "text", Output;
  bool Advice = false, Suggest = false;
  InitcheckOptions Opts;
  std::vector<std::string> Inputs;
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.consume_front("--format=")) {
      if (A != "text" && A != "json" && A != "sarif")
        return fail("unknown format '" + A.str() + "' (text, json, sarif)");
      Format = A.str();
    } else if (A == "-o") {
      if (++I == Args.size())
        return fail("-o needs a file name");
      Output = Args[I].str();
    } else if (A == "--advice") {
      Advice = true;
    } else if (A == "--suggest") {
      Suggest = true;
    } else if (A.starts_with("--")) {
      if (std::optional<std::string> Err = applyOption(A.drop_front(2), Opts))
        return fail(*Err);
    } else {
      Inputs.push_back(A.str());
    }
  }
  if (Inputs.empty())
    return fail("no input objects");

  // Both are large (a kernel has a quarter of a million symbols) and are
  // buried at the end: freeing them one by one would only cost time.
  auto Reader = std::make_unique<FactsReader>(Suggest, Opts.Collect.Extra);
  for (const std::string &In : Inputs)
    if (std::optional<InputError> E = Reader->read(In))
      return fail(E->Message);
  if (Reader->Units.empty())
    return fail("no initcheck facts in the inputs (compile them with "
                "-fplugin=initcheck.so)");

  auto Program = std::make_unique<WholeProgram>(
      joinFacts(std::move(Reader->Units), Reader->UnitObjects,
                /*WithCallGraph=*/Suggest));
  const WholeProgram &P = *Program;
  // Advice is the plugin's business, per file; the whole program adds
  // nothing to it. --advice repeats it here.
  if (!Advice)
    for (const RuleInfo &R : allRules())
      if (R.IsAdvice)
        Opts.Analysis.Disabled.insert(R.Id);
  CollectingSink Sink;
  runRules(P.Facts, Opts.Analysis, Sink);
  explainLinkFindings(P, Opts.WarnOnly, Sink.Findings);
  markSuppressed(Sink.Findings, P.Facts.Suppressions);
  // The whole program: every file is the run's, for a baseline's absent.
  triageRun(Sink.Findings, Opts, [](StringRef) { return true; });

  // Everything is known: write it in one go, atomically for -o.
  std::string Table, Diags;
  raw_string_ostream TableOS(Table), DiagsOS(Diags);
  std::vector<SuggestionLine> Suggested;
  if (Suggest)
    Suggested = suggestions(P, Reader->FunctionSizes);
  if (Format == "json") {
    printJson(P, Sink.Findings, Suggest ? &Suggested : nullptr, TableOS);
  } else if (Format == "sarif") {
    TableOS << sarifDocument(Sink.Findings);
  } else {
    printText(P, Sink.Findings, Opts.Verbose, TableOS, DiagsOS);
    for (const SuggestionLine &S : Suggested)
      TableOS << "suggest\t" << S.Kind << "\t" << S.Fn->Name << "\t"
              << S.Fn->Loc.File << ":" << S.Fn->Loc.Line << "\t" << S.Bytes
              << " bytes\n";
  }
  if (!Output.empty()) {
    if (std::optional<std::string> Err = writeFileAtomically(Output, Table))
      return fail(*Err);
  } else {
    outs() << Table;
  }
  for (const std::string &N : Reader->Notes)
    errs() << "initcheck link: note: " << N << "\n";
  errs() << Diags;
  bool Errors = llvm::any_of(Sink.Findings, failsBuild);
  BuryPointer(std::move(Program));
  BuryPointer(std::move(Reader));
  return Errors ? 1 : 0;
}

} // namespace initcheck
