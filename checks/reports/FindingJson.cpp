//===- FindingJson.cpp - A finding in initcheck's own JSON ----------------===//
#include "checks/reports/FindingJson.h"

namespace initcheck {

void writeFindingJson(llvm::json::OStream &J, const Finding &F) {
  J.object([&] {
    J.attribute("rule", F.RuleId);
    J.attribute("level", F.Level == Severity::Error ? "error" : "warning");
    J.attribute("file", F.Where.File);
    J.attribute("line", F.Where.Line);
    J.attribute("column", F.Where.Column);
    J.attribute("message", F.Message);
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
