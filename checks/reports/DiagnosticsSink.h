//===- DiagnosticsSink.h - Findings to clang diagnostics --------*- C++ -*-===//
//
// Shared by the fronts that run inside a clang CompilerInstance (the plugin
// and `initcheck check`): collects findings, sorts them in source order,
// resolves their locations, and reports them to the DiagnosticsEngine.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_DIAGNOSTICSSINK_H
#define INITCHECK_CHECKS_DIAGNOSTICSSINK_H

#include "checks/model/Facts.h"
#include "checks/model/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace clang {
class FixItHint;
class ASTContext;
class DiagnosticsEngine;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace initcheck {

class DiagnosticsSink : public FindingSink {
public:
  DiagnosticsSink(clang::DiagnosticsEngine &Diags,
                  const clang::SourceManager &SM, bool WarnOnly)
      : Diags(Diags), SM(SM), WarnOnly(WarnOnly) {}

  void report(const Finding &F) override { Pending.push_back(F); }

  /// The findings so far in source order, warn-only applied, File/Line/
  /// Column resolved.
  std::vector<Finding> flush();

private:
  clang::DiagnosticsEngine &Diags;
  const clang::SourceManager &SM;
  bool WarnOnly;
  std::vector<Finding> Pending;
};

/// Report \p Findings (triaged: reports/Triage.h) to clang's diagnostics:
/// errors and warnings, accepted and (\p Verbose) vouched-for ones as
/// remarks, each with its notes.
void emitDiagnostics(clang::DiagnosticsEngine &Diags,
                     llvm::ArrayRef<Finding> Findings, bool Verbose);

/// \p Fix as clang's diagnostics take it (the plugin's, initcheck check's
/// and clang-tidy's).
clang::FixItHint toFixItHint(const FixIt &Fix);

struct InitcheckOptions;

/// One translation unit, as the fronts inside clang analyse it.
struct TuAnalysis {
  bool Analyzed = false; ///< False when the file had errors: no verdicts.
  TuFacts Facts;
  std::vector<Finding> Findings; ///< In source order, locations resolved.
};

/// Collect the facts of the translation unit, run the rules, and mark the
/// findings its initcheck-suppress comments cover. Silent
/// when the file already has errors: an AST with errors may be incomplete,
/// and the compile fails anyway. \p DataSections: -fdata-sections or LTO,
/// under which ld.lld -r leaves every object in .data.<name> and modpost
/// sees neither.
TuAnalysis analyzeTranslationUnit(clang::ASTContext &Ctx,
                                  clang::Preprocessor &PP, bool DataSections,
                                  const InitcheckOptions &Options);

/// Triage \p A's findings (reports/Triage.h; a baseline's absent results
/// only for the main file), and report them to clang's diagnostics when
/// \p Emit. A front that renames files (initcheck check) does so before,
/// and gives the main file's new name as \p MainName: fingerprints are of
/// the names it writes.
void reportTranslationUnit(clang::ASTContext &Ctx, TuAnalysis &A,
                           const InitcheckOptions &Options, bool Emit,
                           llvm::StringRef MainName = {});

} // namespace initcheck

#endif
