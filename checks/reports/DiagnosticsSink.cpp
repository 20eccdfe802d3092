//===- DiagnosticsSink.cpp - Findings to clang diagnostics ----------------===//
#include "checks/reports/DiagnosticsSink.h"
#include "checks/collect/Locations.h"
#include "checks/program/Options.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/Triage.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace initcheck {

FixItHint toFixItHint(const FixIt &Fix) {
  if (Fix.isInsertion())
    return FixItHint::CreateInsertion(Fix.Range.getBegin(), Fix.Text);
  return FixItHint::CreateReplacement(Fix.Range, Fix.Text);
}

std::vector<Finding> DiagnosticsSink::flush() {
  std::vector<size_t> Order(Pending.size());
  for (size_t I = 0; I != Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    SourceLocation LA = SM.getFileLoc(Pending[A].Where.Loc),
                   LB = SM.getFileLoc(Pending[B].Where.Loc);
    if (LA.isValid() && LB.isValid() && LA != LB)
      return SM.isBeforeInTranslationUnit(LA, LB);
    if (LA.isValid() != LB.isValid())
      return LA.isValid();
    return A < B; // reporting order breaks ties: deterministic output
  });
  std::vector<Finding> Sorted;
  Sorted.reserve(Order.size());
  for (size_t I : Order) {
    Finding F = std::move(Pending[I]);
    if (WarnOnly)
      F.Level = Severity::Warning;
    resolveLocation(F.Where, SM);
    for (FindingNote &N : F.Notes)
      resolveLocation(N.Where, SM);
    Sorted.push_back(std::move(F));
  }
  Pending.clear();
  return Sorted;
}

void emitDiagnostics(DiagnosticsEngine &Diags, llvm::ArrayRef<Finding> Findings,
                     bool Verbose) {
  auto &IDs = *Diags.getDiagnosticIDs();
  unsigned ErrorID = IDs.getCustomDiagID(DiagnosticIDs::Error, "%0");
  unsigned WarningID = IDs.getCustomDiagID(DiagnosticIDs::Warning, "%0");
  // A remark, not a note: clang drops a note that follows no diagnostic.
  unsigned RemarkID = IDs.getCustomDiagID(DiagnosticIDs::Remark, "%0");
  unsigned NoteID = IDs.getCustomDiagID(DiagnosticIDs::Note, "%0");
  for (const Finding &F : Findings) {
    TextLevel Level = textLevel(F, Verbose);
    if (Level == TextLevel::Hidden)
      continue;
    std::string Message =
        textMessage(F, /*WithId=*/true, /*Placed=*/F.Where.Loc.isValid());
    {
      DiagnosticBuilder DB = Diags.Report(
          F.Where.Loc, Level == TextLevel::Error     ? ErrorID
                       : Level == TextLevel::Warning ? WarningID
                                                     : RemarkID);
      DB << Message;
      if (Level != TextLevel::Remark)
        for (const FixIt &Fix : F.FixIts)
          DB << toFixItHint(Fix);
    }
    if (std::optional<FindingNote> Why = vouchNote(F))
      Diags.Report(Why->Where.Loc, NoteID) << Why->Message;
    if (Level != TextLevel::Remark || F.By != Vouched::Reported)
      for (const FindingNote &N : F.Notes)
        Diags.Report(N.Where.Loc, NoteID) << N.Message;
  }
}

TuAnalysis analyzeTranslationUnit(clang::ASTContext &Ctx,
                                  clang::Preprocessor &PP, bool DataSections,
                                  const InitcheckOptions &Options) {
  TuAnalysis Out;
  clang::DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred())
    return Out;
  CollectOptions Collect = Options.Collect;
  Collect.DataSections = DataSections;
  Out.Facts = collectFacts(Ctx, &PP, Collect);
  DiagnosticsSink Sink(Diags, Ctx.getSourceManager(), Options.WarnOnly);
  runRules(Out.Facts, Options.Analysis, Sink);
  Out.Findings = Sink.flush();
  markSuppressed(Out.Findings, Out.Facts.Suppressions);
  Out.Analyzed = true;
  return Out;
}

void reportTranslationUnit(clang::ASTContext &Ctx, TuAnalysis &A,
                           const InitcheckOptions &Options, bool Emit,
                           llvm::StringRef MainName) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string MainFile = identityFile(MainName);
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
      Main && MainName.empty())
    MainFile = identityFile(Main->getName());
  triageRun(A.Findings, Options,
            [&](llvm::StringRef File) { return File == MainFile; });
  if (Emit)
    emitDiagnostics(Ctx.getDiagnostics(), A.Findings, Options.Verbose);
}

} // namespace initcheck
