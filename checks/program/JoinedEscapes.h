//===- JoinedEscapes.h - Escapes that take more than one file ---*- C++ -*-===//
//
// On the joined facts of `initcheck link`: the init and exit values one
// file hands to a function another file defines, followed through that
// function's parameter summary (its unit's record) to where it is kept.
// The facts carry only the flows that leave a unit unresolved
// (UnitFlows), so each path here needs at least two files: what a single
// file shows, its own compile reports. `initcheck link --escapes` prints
// them (docs/usage-link.md#escapes).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_PROGRAM_JOINEDESCAPES_H
#define INITCHECK_CHECKS_PROGRAM_JOINEDESCAPES_H

#include "checks/analysis/Escapes.h"
#include <string>
#include <vector>

namespace initcheck {

struct EscapePath {
  /// The value's flow (TuFacts::Flows): an argument to another file's
  /// function, or a store into another file's object.
  unsigned Value = 0;
  /// The parameter flows that carry it on, callee by callee; the last one
  /// keeps it (empty for a store).
  std::vector<unsigned> Steps;
};

/// The value flows of \p F that \p E judges kept beyond the call (or that
/// store into an object), each with the shortest path through summarized
/// functions to a flow that keeps it. In flow order.
std::vector<EscapePath> joinedEscapes(const TuFacts &F, const Escapes &E);

/// One step of a path, for a message: "passed to function 'register_foo'
/// (argument 0)", "stored in variable 'foo_ops' (foo_ops.handler)".
std::string describeFlow(const TuFacts &F, const Flow &Fl);

} // namespace initcheck

#endif
