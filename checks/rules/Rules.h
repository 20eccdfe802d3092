//===- Rules.h - The rule registry and the analysis entry point -*- C++ -*-===//
#ifndef INITCHECK_CHECKS_RULES_H
#define INITCHECK_CHECKS_RULES_H

#include "checks/model/Facts.h"
#include "checks/model/Finding.h"
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"

namespace initcheck {

class Residency;

struct AnalysisOptions {
  /// modpost 6.12's verdicts exactly: only .text*/.data/.data.rel as sources,
  /// no call-graph advice.
  bool ModpostCompat = false;
  /// Rule ids switched off.
  llvm::StringSet<> Disabled;
  /// More names (fnmatch patterns, like modpost's "*_ops") of data that may
  /// point to init and exit memory, for a project's own conventions.
  std::vector<std::string> ExtraWhitelist;
  /// The project's init levels in run order (initcall-levels=); empty: the
  /// kernel's.
  DeclaredLevels InitcallLevels;
};

/// Everything a rule may look at.
struct RuleInput {
  const TuFacts &Facts;
  const Residency &Reach;
  const AnalysisOptions &Options;
};

/// A rule, as the registry (Rules.cpp) lists it: the only place its id,
/// severity and summary are written. A rule's Check reports message, place,
/// notes and fix-its; runRule() stamps the id and severity onto each
/// finding, as clang-tidy's diag() appends a check's name.
struct RuleInfo {
  llvm::StringRef Id;
  llvm::StringRef Summary;
  /// Advice never fails a build; the other rules are errors by default.
  /// With ByEvidence: advice unless the finding is proven.
  bool IsAdvice;
  void (*Check)(const RuleInput &In, FindingSink &Out);
  /// Advice about what the order table leaves out: `initcheck link` gives
  /// it without --advice, since the table is its output.
  bool AboutOrderTable = false;
  /// Severity follows the evidence: each finding that is Proven is an
  /// error, the others advice (initcheck-init-escape).
  bool ByEvidence = false;
};

/// The severity of \p F's rule for \p F: the registry's, or the evidence's.
Severity severityOf(const RuleInfo &R, const Finding &F);

/// "error", "advice", or "evidence" (error when proven, else advice), as
/// `initcheck rules`, the plugin's help and the docs' tables spell it.
llvm::StringRef severityName(const RuleInfo &R);

/// Every rule, in reporting order.
llvm::ArrayRef<RuleInfo> allRules();

/// Null when \p Id names no rule.
const RuleInfo *findRule(llvm::StringRef Id);

/// Run rule \p R, its findings stamped with its id and severity.
void runRule(const RuleInfo &R, const RuleInput &In, FindingSink &Out);

/// Run every enabled rule over \p Facts.
void runRules(const TuFacts &Facts, const AnalysisOptions &Options,
              FindingSink &Out);

} // namespace initcheck

#endif
