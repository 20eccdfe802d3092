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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace initcheck {


/// The walk of the unit's summaries (UnitFlows) and of the link's paths:
/// breadth-first from parameter \p Start into the parameters of the
/// summarized callees it is passed to (callees known to keep nothing are
/// left out). \p Leaves is called with each flow that leaves the walk (a
/// store, a return, a call that cannot be followed) and the flow that led
/// into each parameter reached (~0u: Start); the walk ends when it returns
/// true.
void walkParameter(
    const TuFacts &F, const Escapes &E, const ParamFlows &ByParam,
    ParamNode Start,
    llvm::function_ref<bool(unsigned, const llvm::DenseMap<ParamNode, unsigned> &)>
        Leaves);

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
