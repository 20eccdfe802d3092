//===- DiagnosticsSink.h - Findings to clang diagnostics --------*- C++ -*-===//
//
// Shared by the fronts that run inside a clang CompilerInstance (the plugin
// and `initcheck check`): collects findings, sorts them in source order,
// resolves their locations, and reports them to the DiagnosticsEngine.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_DIAGNOSTICSSINK_H
#define INITCHECK_CHECKS_DIAGNOSTICSSINK_H

#include "checks/Finding.h"

namespace clang {
class DiagnosticsEngine;
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

} // namespace initcheck

#endif
