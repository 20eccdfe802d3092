//===- UnitSummary.h - What one unit hands to the whole program -*- C++ -*-===//
#ifndef INITCHECK_CHECKS_PROGRAM_UNITSUMMARY_H
#define INITCHECK_CHECKS_PROGRAM_UNITSUMMARY_H

#include "checks/model/Facts.h"

namespace initcheck {

/// What the whole-program step needs from one unit: what the unit could
/// not judge itself. A helper's phase is settled inside its unit (all its
/// users are there), so users travel with their phase (FixedReach) instead
/// of the call graph. Kept: references to symbols declared here without
/// annotation and defined elsewhere (the first site per user and target),
/// table entries and their references (initcalls, exports), definitions
/// that carry a section, and the symbols those touch.
/// The plugin stores the summary (encodeFacts), `initcheck link` joins them.
TuFacts summarizeUnit(const TuFacts &Facts);

} // namespace initcheck

#endif
