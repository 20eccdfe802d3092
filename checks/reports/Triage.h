//===- Triage.h - What a project accepted, and how it is shown --*- C++ -*-===//
//
// After the rules: findings the baseline accepts (baseline=FILE) and those
// a suppression comment or a phase guard vouches for stay findings (SARIF
// keeps them, with baselineState and suppressions) but no longer fail the
// build. One place decides that and how every front prints them
// (docs/adopting.md).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_REPORTS_TRIAGE_H
#define INITCHECK_CHECKS_REPORTS_TRIAGE_H

#include "checks/model/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace initcheck {

struct Baseline;
struct InitcheckOptions;

/// Mark the findings an initcheck-suppress comment of \p Suppressions
/// covers (one naming the finding's rule, covering its line, in the same
/// file as the finding's place spells it) as Suppressed, with
/// the comment's reason. A comment without a reason suppresses nothing:
/// the finding gets a note saying so.
void markSuppressed(std::vector<Finding> &Findings,
                    llvm::ArrayRef<Suppression> Suppressions);

/// Set Baseline (New or Unchanged) on every finding of \p Findings (one
/// run's, locations resolved): Unchanged when its fingerprint is in \p B.
void markBaseline(std::vector<Finding> &Findings, const Baseline &B);

/// The results of \p B that none of \p Findings matches, as findings with
/// Baseline = Absent: those of a rule that ran (\p Options) in a file the
/// run looked at (\p Covers, given the identity's spelling of the file).
std::vector<Finding>
absentFindings(const Baseline &B, llvm::ArrayRef<Finding> Findings,
               const InitcheckOptions &Options,
               llvm::function_ref<bool(llvm::StringRef File)> Covers);

/// The baseline's triage for a front that sees one run: markBaseline, then
/// the absent ones appended, when \p Options names a baseline.
void triageRun(std::vector<Finding> &Findings, const InitcheckOptions &Options,
               llvm::function_ref<bool(llvm::StringRef File)> Covers);

/// How a text front shows a finding.
enum class TextLevel { Error, Warning, Remark, Hidden };
TextLevel textLevel(const Finding &F, bool Verbose);

/// The line a text front prints for \p F, with its "[rule-id]" (\p WithId:
/// clang-tidy appends the id itself), and its file:line first when the
/// front prints no place for it (a baseline's absent result has no clang
/// location).
std::string textMessage(const Finding &F, bool WithId, bool Placed);

/// The note that says who vouched for \p F, if anyone ("suppressed here:
/// REASON", the guard), at the finding's place.
std::optional<FindingNote> vouchNote(const Finding &F);

} // namespace initcheck

#endif
