//===- Finding.h - A diagnostic, independent of the front -------*- C++ -*-===//
#ifndef INITCHECK_CHECKS_FINDING_H
#define INITCHECK_CHECKS_FINDING_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace initcheck {

enum class Severity : unsigned char { Error, Warning };

/// The key SARIF results carry a finding's fingerprint under
/// (reports/FindingIdentity.h computes it; baselines read it back).
inline constexpr llvm::StringLiteral FingerprintKey = "initcheck/v1";

/// What a project said about a finding after the rules found it: nothing,
/// an initcheck-suppress comment, or a phase guard around the reference
/// (docs/adopting.md). Only a Reported finding can fail a build.
enum class Vouched : unsigned char { Reported, Suppressed, Guarded };

/// A finding against a baseline (baseline=FILE): SARIF's baselineState.
enum class BaselineState : unsigned char { None, New, Unchanged, Absent };

struct Finding {
  llvm::StringRef RuleId; ///< The registry's id, stamped by runRule().
  Severity Level = Severity::Error;
  Location Where;
  std::string Message;    ///< Without the trailing "[rule-id]".
  std::vector<FindingNote> Notes;
  std::vector<FixIt> FixIts;
  /// The reference the finding is about (index into TuFacts::Refs), if any.
  std::optional<unsigned> Ref;
  /// For a rule whose severity follows the evidence (RuleInfo::ByEvidence):
  /// the analysis proved the harm (resident code reads what was kept), so
  /// runRule() makes it an error; otherwise it is advice.
  bool Proven = false;
  Vouched By = Vouched::Reported;
  /// Suppressed: the comment's reason; Guarded: the guard's expression.
  std::string Justification;
  BaselineState Baseline = BaselineState::None;
  /// Absent: the fingerprint the baseline gave it.
  std::string BaselineFingerprint;
};

/// Whether \p F fails the build: an error nobody vouched for and that the
/// baseline does not accept.
inline bool failsBuild(const Finding &F) {
  return F.Level == Severity::Error && F.By == Vouched::Reported &&
         F.Baseline != BaselineState::Unchanged &&
         F.Baseline != BaselineState::Absent;
}

/// Where findings go: clang's DiagnosticsEngine, clang-tidy, or a file.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(const Finding &F) = 0;
};

} // namespace initcheck

#endif
