//===- Triage.cpp - What a project accepted, and how it is shown ----------===//
#include "checks/reports/Triage.h"
#include "checks/program/Baseline.h"
#include "checks/program/Options.h"
#include "checks/reports/FindingIdentity.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace initcheck {

void markSuppressed(std::vector<Finding> &Findings,
                    ArrayRef<Suppression> Suppressions) {
  if (Suppressions.empty())
    return;
  for (Finding &F : Findings) {
    if (F.By != Vouched::Reported)
      continue;
    for (const Suppression &S : Suppressions) {
      if (S.Where.File != F.Where.File || S.Line != F.Where.Line ||
          !llvm::is_contained(S.Rules, F.RuleId))
        continue;
      if (S.Reason.empty()) {
        F.Notes.push_back({S.Where, "this initcheck-suppress comment gives "
                                    "no reason ('): REASON'), so it "
                                    "suppresses nothing"});
        continue;
      }
      F.By = Vouched::Suppressed;
      F.Justification = S.Reason;
      break;
    }
  }
}

void markBaseline(std::vector<Finding> &Findings, const Baseline &B) {
  StringSet<> Accepted;
  for (const Baseline::Entry &E : B.Entries)
    Accepted.insert(E.Fingerprint);
  std::vector<std::string> Prints = fingerprints(Findings);
  for (size_t I = 0; I != Findings.size(); ++I)
    if (Findings[I].Baseline != BaselineState::Absent)
      Findings[I].Baseline = Accepted.contains(Prints[I])
                                 ? BaselineState::Unchanged
                                 : BaselineState::New;
}

std::vector<Finding> absentFindings(const Baseline &B,
                                    ArrayRef<Finding> Findings,
                                    const InitcheckOptions &Options,
                                    function_ref<bool(StringRef)> Covers) {
  StringSet<> Found;
  std::vector<std::string> Prints = fingerprints(Findings);
  for (const std::string &P : Prints)
    Found.insert(P);
  std::vector<Finding> Out;
  for (const Baseline::Entry &E : B.Entries) {
    const RuleInfo *Rule = findRule(E.RuleId);
    if (Found.contains(E.Fingerprint) || !Rule ||
        Options.Analysis.Disabled.contains(Rule->Id) ||
        !Covers(identityFile(E.Where.File)))
      continue;
    Finding F;
    F.RuleId = Rule->Id;
    F.Level = Rule->IsAdvice ? Severity::Warning : Severity::Error;
    F.Where = E.Where;
    F.Message = E.Message;
    F.Baseline = BaselineState::Absent;
    F.BaselineFingerprint = E.Fingerprint;
    Out.push_back(std::move(F));
  }
  return Out;
}

void triageRun(std::vector<Finding> &Findings, const InitcheckOptions &Options,
               function_ref<bool(StringRef)> Covers) {
  if (!Options.Accepted)
    return;
  markBaseline(Findings, *Options.Accepted);
  std::vector<Finding> Absent =
      absentFindings(*Options.Accepted, Findings, Options, Covers);
  std::move(Absent.begin(), Absent.end(), std::back_inserter(Findings));
}

TextLevel textLevel(const Finding &F, bool Verbose) {
  if (F.By != Vouched::Reported)
    return Verbose ? TextLevel::Remark : TextLevel::Hidden;
  switch (F.Baseline) {
  case BaselineState::Unchanged:
  case BaselineState::Absent:
    return TextLevel::Remark;
  case BaselineState::None:
  case BaselineState::New:
    break;
  }
  return F.Level == Severity::Error ? TextLevel::Error : TextLevel::Warning;
}

std::string textMessage(const Finding &F, bool WithId, bool Placed) {
  std::string Out;
  if (!Placed && !F.Where.File.empty())
    Out = F.Where.File + ":" + std::to_string(F.Where.Line) + ": ";
  if (F.By == Vouched::Reported && F.Baseline == BaselineState::Unchanged)
    Out += "accepted by the baseline: ";
  else if (F.By == Vouched::Reported && F.Baseline == BaselineState::Absent)
    Out += "in the baseline, no longer found: ";
  Out += F.Message;
  if (WithId)
    Out += " [" + F.RuleId.str() + "]";
  return Out;
}

std::optional<FindingNote> vouchNote(const Finding &F) {
  switch (F.By) {
  case Vouched::Reported:
    return std::nullopt;
  case Vouched::Suppressed:
    return FindingNote{F.Where, "suppressed by an initcheck-suppress comment: " +
                                    F.Justification};
  case Vouched::Guarded:
    return FindingNote{F.Where, "judged as init code: inside 'if (" +
                                    F.Justification +
                                    ")', the project's phase guard"};
  }
  return std::nullopt;
}

} // namespace initcheck
