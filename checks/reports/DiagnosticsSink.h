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
  /// Column resolved; reported to clang's DiagnosticsEngine when \p Emit.
  std::vector<Finding> flush(bool Emit = true);

private:
  clang::DiagnosticsEngine &Diags;
  const clang::SourceManager &SM;
  bool WarnOnly;
  std::vector<Finding> Pending;
};

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

/// Collect the facts of the translation unit, run the rules, and report
/// the findings to clang's diagnostics when \p Emit. Silent when the file
/// already has errors: an AST with errors may be incomplete, and the compile
/// fails anyway. \p DataSections: -fdata-sections or LTO, under which
/// ld.lld -r leaves every object in .data.<name> and modpost sees neither.
TuAnalysis analyzeTranslationUnit(clang::ASTContext &Ctx,
                                  clang::Preprocessor &PP, bool DataSections,
                                  const InitcheckOptions &Options, bool Emit);

} // namespace initcheck

#endif
