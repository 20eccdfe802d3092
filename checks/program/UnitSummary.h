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
/// Also kept: the flows openFlows() picks, and which external functions
/// have their parameters summarized (Symbol::ParamsSummarized).
TuFacts summarizeUnit(const TuFacts &Facts);

class Escapes;
/// What the link's escape analysis needs of a unit (indices into it):
/// for each parameter of the external functions Summarized, where it goes
/// (one flow that keeps it in the unit, else the flows to functions of
/// other files; none: it is not kept), and the init and exit values passed
/// to functions of other files (through the unit's own functions too) or
/// stored into objects other files define.
struct UnitFlows {
  std::vector<Flow> Flows;
  std::vector<unsigned> Summarized;
};
UnitFlows openFlows(const TuFacts &Facts, const Escapes &E);

} // namespace initcheck

#endif
