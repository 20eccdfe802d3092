//===- FindingJson.cpp - A finding in initcheck's own JSON ----------------===//
#include "checks/reports/FindingJson.h"
#include "checks/reports/FindingIdentity.h"

namespace initcheck {

void writeFindingJson(llvm::json::OStream &J, const Finding &F,
                      llvm::StringRef Fingerprint) {
  J.object([&] {
    J.attribute("rule", F.RuleId);
    J.attribute("level", F.Level == Severity::Error ? "error" : "warning");
    J.attribute("file", F.Where.File);
    J.attribute("line", F.Where.Line);
    J.attribute("column", F.Where.Column);
    J.attribute("message", F.Message);
    J.attribute("subject", findingSubject(F.Message));
    J.attribute("fingerprint", Fingerprint);
    // What the project said, as SARIF's baselineState and suppressions.
    static const char *const States[] = {"", "new", "unchanged", "absent"};
    if (F.Baseline != BaselineState::None)
      J.attribute("baselineState", States[unsigned(F.Baseline)]);
    if (F.By != Vouched::Reported) {
      J.attribute("suppressed",
                  F.By == Vouched::Suppressed ? "comment" : "phase-guard");
      J.attribute("justification", F.Justification);
    }
    J.attributeArray("notes", [&] {
      for (const FindingNote &N : F.Notes)
        J.object([&] {
          J.attribute("file", N.Where.File);
          J.attribute("line", N.Where.Line);
          J.attribute("message", N.Message);
        });
    });
  });
}

} // namespace initcheck
