//===- Rules.cpp - The rule registry and the analysis entry point ---------===//
#include "checks/rules/Rules.h"
#include "checks/rules/AnnotationMismatch.h"
#include "checks/rules/ConstInitdata.h"
#include "checks/rules/ExitToInit.h"
#include "checks/rules/ExportInit.h"
#include "checks/rules/InitEscape.h"
#include "checks/rules/InitOnlyHelper.h"
#include "checks/rules/InitcallNotInit.h"
#include "checks/rules/InitcallType.h"
#include "checks/rules/InitToExit.h"
#include "checks/rules/NonconstInitconst.h"
#include "checks/analysis/Residency.h"
#include "checks/rules/SectionMismatch.h"
#include "checks/rules/UndeclaredInitcallLevel.h"

namespace initcheck {

FindingSink::~FindingSink() = default;

static const RuleInfo Registry[] = {
    {"initcheck-section-mismatch",
     "resident code or data references init or exit memory", false,
     checkSectionMismatch},
    {"initcheck-init-to-exit", "init code references exit code or data", false,
     checkInitToExit},
    {"initcheck-exit-to-init", "exit code references init code or data", false,
     checkExitToInit},
    {"initcheck-export-init", "an init or exit symbol is exported", false,
     checkExportInit},
    {"initcheck-initcall-type",
     "an initcall or exitcall function of the wrong type", false,
     checkInitcallType},
    {"initcheck-initcall-not-init",
     "an initcall function that is not __init (exitcall: __exit)", true,
     checkInitcallNotInit},
    {"initcheck-init-only-helper",
     "an unannotated static helper used only by init (or exit) code", true,
     checkInitOnlyHelper},
    {"initcheck-const-initdata", "a const object marked __initdata", true,
     checkConstInitdata},
    {"initcheck-nonconst-initconst", "a writable object marked __initconst",
     true, checkNonconstInitconst},
    {"initcheck-annotation-mismatch",
     "declaration and definition disagree on the section", true,
     checkAnnotationMismatch},
    {"initcheck-undeclared-initcall-level",
     "an initcall section of a level the project did not declare", true,
     checkUndeclaredInitcallLevel, /*AboutOrderTable=*/true},
    {"initcheck-init-escape",
     "init or exit code keeps an init or exit value in memory that outlives "
     "it",
     true, checkInitEscape, /*AboutOrderTable=*/false, /*ByEvidence=*/true},
};

llvm::ArrayRef<RuleInfo> allRules() { return Registry; }

Severity severityOf(const RuleInfo &R, const Finding &F) {
  bool Advice = R.ByEvidence ? !F.Proven : R.IsAdvice;
  return Advice ? Severity::Warning : Severity::Error;
}

llvm::StringRef severityName(const RuleInfo &R) {
  if (R.ByEvidence)
    return "evidence";
  return R.IsAdvice ? "advice" : "error";
}

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : Registry)
    if (R.Id == Id)
      return &R;
  return nullptr;
}

namespace {
/// Stamps a rule's findings with its id and severity on their way out.
class StampingSink : public FindingSink {
public:
  StampingSink(const RuleInfo &Rule, FindingSink &Out) : Rule(Rule), Out(Out) {}
  void report(const Finding &F) override {
    Finding Stamped = F;
    Stamped.RuleId = Rule.Id;
    Stamped.Level = severityOf(Rule, F);
    Out.report(Stamped);
  }

private:
  const RuleInfo &Rule;
  FindingSink &Out;
};
} // namespace

void runRule(const RuleInfo &R, const RuleInput &In, FindingSink &Out) {
  StampingSink Stamp(R, Out);
  R.Check(In, Stamp);
}

void runRules(const TuFacts &Facts, const AnalysisOptions &Options,
              FindingSink &Out) {
  Residency Reach(Facts);
  RuleInput In{Facts, Reach, Options};
  for (const RuleInfo &R : Registry)
    if (!Options.Disabled.contains(R.Id))
      runRule(R, In, Out);
}

} // namespace initcheck
