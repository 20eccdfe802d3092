//===- ProgramRules.h - The rules over a joined program ---------*- C++ -*-===//
//
// The whole program holds references of two kinds: those of the facts the
// plugin stored, judged by the settings, and those `initcheck link` read
// from the relocations of objects without facts, judged as modpost judges
// them (modpost-compat verdicts, the same rule table and whitelist): with
// no source there is no call graph, no type and nothing to advise on.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_PROGRAMRULES_H
#define INITCHECK_CHECKS_PROGRAMRULES_H

#include "checks/model/Finding.h"
#include "checks/program/WholeProgram.h"
#include "checks/rules/Rules.h"

namespace initcheck {

/// Run every enabled rule over \p P: with \p Options on the references and
/// initcalls of facts, and with modpost's verdicts on the references read
/// from relocations (P.RelocationRefOrigin). Findings' Ref index
/// P.Facts.Refs, which is as it was on return.
void runProgramRules(WholeProgram &P, const AnalysisOptions &Options,
                     FindingSink &Out);

} // namespace initcheck

#endif
