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
#include "LinkEscapes.h"
#include "LinkInputs.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/FindingJson.h"
#include "checks/program/Options.h"
#include "checks/program/ProgramRules.h"
#include "checks/rules/Rules.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/OrderTable.h"
#include "checks/reports/Sarif.h"
#include "checks/reports/Triage.h"
#include "checks/rules/SymbolDescription.h"
#include "checks/program/WholeProgram.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace initcheck {
namespace {

class CollectingSink : public FindingSink {
public:
  void report(const Finding &F) override { Findings.push_back(F); }
  std::vector<Finding> Findings;
};

/// file:line:column; read from an object without facts, there may be no
/// column (data), or only the object (no debug info).
std::string where(const Location &L) {
  std::string S = L.File;
  if (L.Line)
    S += ":" + std::to_string(L.Line);
  if (L.Line && L.Column)
    S += ":" + std::to_string(L.Column);
  return S;
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
               const DeclaredLevels &Levels, bool Verbose, raw_ostream &Table,
               raw_ostream &Diags) {
  static const char *const LevelNames[] = {"error", "warning", "remark"};
  for (const Finding &F : Findings) {
    TextLevel Level = textLevel(F, Verbose);
    if (Level == TextLevel::Hidden)
      continue;
    Diags << where(F.Where) << ": " << LevelNames[unsigned(Level)] << ": "
          << textMessage(F, /*WithId=*/true, /*Placed=*/true) << "\n";
    if (std::optional<FindingNote> Why = vouchNote(F))
      Diags << where(Why->Where) << ": note: " << Why->Message << "\n";
    if (Level != TextLevel::Remark || F.By != Vouched::Reported)
      for (const FindingNote &N : F.Notes)
        Diags << where(N.Where) << ": note: " << N.Message << "\n";
  }
  for (unsigned I : initcallOrder(P, Levels)) {
    const Initcall &C = P.Facts.Initcalls[I];
    const Symbol &Entry = P.Facts.Symbols[C.Entry];
    Table << C.Level << "\t" << P.Facts.Symbols[C.Function].Name << "\t"
          << Entry.Loc.File << ":" << Entry.Loc.Line << "\n";
  }
}

void printJson(const WholeProgram &P, const FactsReader &Reader,
               const std::vector<Finding> &Findings,
               const DeclaredLevels &Levels,
               const std::vector<SuggestionLine> *Suggested,
               const std::vector<EscapePath> *Escaping, raw_ostream &OS) {
  json::OStream J(OS, 1);
  J.object([&] {
    writeOrderTable(J, P, Levels);
    if (!Reader.RelocationObjects.empty())
      J.attributeArray("relocations_only", [&] {
        for (const FactsReader::RelocationObject &R : Reader.RelocationObjects)
          J.object([&] {
            J.attribute("object", R.Name);
            J.attribute("lines", R.HasLines);
            if (R.Part)
              J.attributeArray("files", [&] {
                for (const std::string &F : R.Files)
                  J.value(F);
              });
          });
      });
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
    if (Escaping)
      writeEscapesJson(J, P, *Escaping);
  });
  OS << "\n";
}

/// What only the whole program can say about a finding: warn-only, and
/// the notes for a target the object moved and for a declaration that hid
/// the mismatch from its file (the wording is SymbolDescription's).
void explainLinkFindings(const WholeProgram &P, const FactsReader &Reader,
                         bool WarnOnly, std::vector<Finding> &Findings) {
  for (Finding &F : Findings) {
    if (WarnOnly)
      F.Level = Severity::Warning;
    if (F.Ref && !P.RelocationRefOrigin.empty() &&
        P.RelocationRefOrigin[*F.Ref].first !=
            WholeProgram::NotFromRelocations) {
      // modpost's verdict on a relocation: say so, and where it is.
      auto [Unit, Index] = P.RelocationRefOrigin[*F.Ref];
      F.Notes.push_back({F.Where, "judged from the relocation at " +
                                      Reader.Sites[Unit][Index] +
                                      " (no initcheck facts), as modpost "
                                      "does"});
      continue;
    }
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

/// What was judged from relocations only, in one line.
std::string relocationNote(const FactsReader::RelocationObject &R) {
  std::string Part;
  if (R.Part) {
    Part = " for part of it";
    for (size_t I = 0; I != R.Files.size() && I != 3; ++I)
      Part += (I ? ", " : " (") + R.Files[I];
    if (R.Files.size() > 3)
      Part += " and " + std::to_string(R.Files.size() - 3) + " more files";
    if (!R.Files.empty())
      Part += ")";
  }
  return R.Name + ": no initcheck facts" + Part +
         ": judged from its relocations as modpost does" +
         (R.HasLines ? ", lines from its DWARF"
                     : "; no debug info, so no lines (compile with -g)");
}

/// The SARIF notifications: one per object judged from its relocations.
std::vector<std::string> relocationNotes(const FactsReader &Reader) {
  std::vector<std::string> Notes;
  for (const FactsReader::RelocationObject &R : Reader.RelocationObjects)
    Notes.push_back(relocationNote(R));
  return Notes;
}

int fail(const std::string &Message) {
  errs() << "initcheck link: " << Message << "\n";
  return 2;
}

/// Without --advice: a rule whose severity follows the evidence gives its
/// errors (proven), not its advice.
void dropEvidenceAdvice(std::vector<Finding> &Findings) {
  llvm::erase_if(Findings, [](const Finding &F) {
    const RuleInfo *R = findRule(F.RuleId);
    return R && R->ByEvidence && F.Level == Severity::Warning;
  });
}

/// The command line of `initcheck link`.
struct LinkArgs {
  std::string Format = "text", Output;
  bool Advice = false, Suggest = false, ShowEscapes = false;
  InitcheckOptions Opts;
  std::vector<std::string> Inputs;
};

/// Parse \p Args into \p L; the usage error, if any.
std::optional<std::string> parseLinkArgs(ArrayRef<StringRef> Args,
                                         LinkArgs &L) {
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.consume_front("--format=")) {
      if (A != "text" && A != "json" && A != "sarif")
        return "unknown format '" + A.str() + "' (text, json, sarif)";
      L.Format = A.str();
    } else if (A == "-o") {
      if (++I == Args.size())
        return std::string("-o needs a file name");
      L.Output = Args[I].str();
    } else if (A == "--advice") {
      L.Advice = true;
    } else if (A == "--suggest") {
      L.Suggest = true;
    } else if (A == "--escapes") {
      L.ShowEscapes = true;
    } else if (A.starts_with("--")) {
      if (std::optional<std::string> Err =
              applyOption(A.drop_front(2), L.Opts))
        return Err;
    } else {
      L.Inputs.push_back(A.str());
    }
  }
  if (L.Inputs.empty())
    return std::string("no input objects");
  return std::nullopt;
}

} // namespace

int runLink(ArrayRef<StringRef> Args) {
  LinkArgs L;
  if (std::optional<std::string> Err = parseLinkArgs(Args, L))
    return fail(*Err);
  const std::string &Format = L.Format, &Output = L.Output;
  bool Advice = L.Advice, Suggest = L.Suggest, ShowEscapes = L.ShowEscapes;
  InitcheckOptions &Opts = L.Opts;
  const std::vector<std::string> &Inputs = L.Inputs;

  // Both are large (a kernel has a quarter of a million symbols) and are
  // buried at the end: freeing them one by one would only cost time.
  auto Reader = std::make_unique<FactsReader>(Suggest, Opts.Collect.Extra);
  for (const std::string &In : Inputs)
    if (std::optional<InputError> E = Reader->read(In))
      return fail(E->Message);
  if (Reader->Units.empty())
    return fail("no objects in the inputs");

  auto Program = std::make_unique<WholeProgram>(
      joinFacts(std::move(Reader->Units), Reader->UnitObjects,
                /*WithCallGraph=*/Suggest));
  const WholeProgram &P = *Program;
  // Advice is the plugin's business, per file, but for what the order
  // table leaves out; --advice repeats it here.
  if (!Advice)
    for (const RuleInfo &R : allRules())
      if (R.IsAdvice && !R.AboutOrderTable && !R.ByEvidence)
        Opts.Analysis.Disabled.insert(R.Id);
  CollectingSink Sink;
  runProgramRules(*Program, Opts.Analysis, Sink);
  if (!Advice)
    dropEvidenceAdvice(Sink.Findings);
  explainLinkFindings(P, *Reader, Opts.WarnOnly, Sink.Findings);
  explainJoinedEscapes(P, Sink.Findings);
  markSuppressed(Sink.Findings, P.Facts.Suppressions);
  // The whole program: every file is the run's, for a baseline's absent.
  triageRun(Sink.Findings, Opts, [](StringRef) { return true; });

  // Everything is known: write it in one go, atomically for -o.
  std::string Table, Diags;
  raw_string_ostream TableOS(Table), DiagsOS(Diags);
  std::vector<SuggestionLine> Suggested;
  if (Suggest)
    Suggested = suggestions(P, Reader->FunctionSizes);
  std::vector<EscapePath> Escaping;
  if (ShowEscapes)
    Escaping = joinedEscapes(P.Facts, Escapes(P.Facts));
  if (Format == "json") {
    printJson(P, *Reader, Sink.Findings, Opts.Analysis.InitcallLevels,
              Suggest ? &Suggested : nullptr,
              ShowEscapes ? &Escaping : nullptr, TableOS);
  } else if (Format == "sarif") {
    TableOS << sarifDocument(Sink.Findings, relocationNotes(*Reader));
  } else {
    printText(P, Sink.Findings, Opts.Analysis.InitcallLevels, Opts.Verbose,
              TableOS, DiagsOS);
    for (const SuggestionLine &S : Suggested)
      TableOS << "suggest\t" << S.Kind << "\t" << S.Fn->Name << "\t"
              << S.Fn->Loc.File << ":" << S.Fn->Loc.Line << "\t" << S.Bytes
              << " bytes\n";
    printEscapes(P, Escaping, TableOS);
  }
  // --sarif=FILE, as in the plugin and `initcheck check`: SARIF besides
  // the chosen format (accepted and then ignored, it left a CI step with
  // no file and no error).
  if (!Opts.SarifFile.empty())
    if (std::optional<std::string> Err = writeFileAtomically(
            Opts.SarifFile,
            sarifDocument(Sink.Findings, relocationNotes(*Reader))))
      return fail(*Err);
  if (!Output.empty()) {
    if (std::optional<std::string> Err = writeFileAtomically(Output, Table))
      return fail(*Err);
  } else {
    outs() << Table;
  }
  for (const std::string &N : Reader->Notes)
    errs() << "initcheck link: note: " << N << "\n";
  for (const FactsReader::RelocationObject &R : Reader->RelocationObjects)
    errs() << "initcheck link: note: " << relocationNote(R) << "\n";
  errs() << Diags;
  bool Errors = llvm::any_of(Sink.Findings, failsBuild);
  BuryPointer(std::move(Program));
  BuryPointer(std::move(Reader));
  return Errors ? 1 : 0;
}

} // namespace initcheck
