//===- DiagnosticsSink.cpp - Findings to clang diagnostics ----------------===//
#include "checks/reports/DiagnosticsSink.h"
#include "checks/collect/Locations.h"
#include "checks/program/Options.h"
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

std::vector<Finding> DiagnosticsSink::flush(bool Emit) {
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
  if (!Emit)
    return Sorted;

  auto &IDs = *Diags.getDiagnosticIDs();
  unsigned ErrorID = IDs.getCustomDiagID(DiagnosticIDs::Error, "%0");
  unsigned WarningID = IDs.getCustomDiagID(DiagnosticIDs::Warning, "%0");
  unsigned NoteID = IDs.getCustomDiagID(DiagnosticIDs::Note, "%0");
  for (const Finding &F : Sorted) {
    {
      DiagnosticBuilder DB = Diags.Report(
          F.Where.Loc, F.Level == Severity::Error ? ErrorID : WarningID);
      DB << (F.Message + " [" + F.RuleId.str() + "]");
      for (const FixIt &Fix : F.FixIts)
        DB << toFixItHint(Fix);
    }
    for (const FindingNote &N : F.Notes)
      Diags.Report(N.Where.Loc, NoteID) << N.Message;
  }
  return Sorted;
}

TuAnalysis analyzeTranslationUnit(clang::ASTContext &Ctx,
                                  clang::Preprocessor &PP, bool DataSections,
                                  const InitcheckOptions &Options, bool Emit) {
  TuAnalysis Out;
  clang::DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred())
    return Out;
  CollectOptions Collect = Options.Collect;
  Collect.DataSections = DataSections;
  Out.Facts = collectFacts(Ctx, &PP, Collect);
  DiagnosticsSink Sink(Diags, Ctx.getSourceManager(), Options.WarnOnly);
  runRules(Out.Facts, Options.Analysis, Sink);
  Out.Findings = Sink.flush(Emit);
  Out.Analyzed = true;
  return Out;
}

} // namespace initcheck
