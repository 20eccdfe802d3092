//===- Reach.h - The phases code and data can be used in --------*- C++ -*-===//
//
// The call graph (analysis/Residency) computes them; facts records carry
// them for helpers (Symbol::FixedReach), so the record layout needs them
// without the call graph.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_MODEL_REACH_H
#define INITCHECK_CHECKS_MODEL_REACH_H

namespace initcheck {

/// The phases in which a symbol's code or data can be used.
enum ReachBits : unsigned char {
  ReachNone = 0,
  ReachInit = 1,     ///< During boot / module init.
  ReachExit = 2,     ///< During module exit.
  ReachResident = 4, ///< Any time: after init memory is freed.
  /// From __ref code (.ref.*): it runs any time, but its author vouches
  /// that its uses of init memory are guarded (system_state, after_bootmem),
  /// and a helper it calls runs under the same guard.
  ReachRef = 8,
};
inline constexpr unsigned NumReachBits = 4;

} // namespace initcheck

#endif
