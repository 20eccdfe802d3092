//===- PhaseCrossing.h - Init code using exit memory, and back --*- C++ -*-===//
//
// initcheck-init-to-exit and initcheck-exit-to-init are mirror images: code
// that runs only in one phase (init or exit) referencing the memory of the
// other. This is their shared check; each rule names its phases.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_PHASECROSSING_H
#define INITCHECK_CHECKS_PHASECROSSING_H

#include "checks/analysis/Residency.h"
#include "checks/rules/Rules.h"
#include <string>

namespace initcheck {

struct PhaseCrossing {
  ReachBits UserPhase;      ///< The phase the referencing code runs in.
  SectionClass UserSection; ///< Its section class, for modpost-compat.
  SectionClass TargetClass; ///< The memory of the other phase.
  std::string (*Why)(const Symbol &Target);
};

/// Report every reference from code that runs in \p P.UserPhase, and never
/// after boot (that is initcheck-section-mismatch), to \p P.TargetClass.
void checkPhaseCrossing(const RuleInput &In, FindingSink &Out,
                        const PhaseCrossing &P);

} // namespace initcheck

#endif
