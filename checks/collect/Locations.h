//===- Locations.h - clang locations to file:line:column --------*- C++ -*-===//
//
// The one place a Location's clang half is turned into its printable half
// (Facts.h says which half is valid where).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_COLLECT_LOCATIONS_H
#define INITCHECK_CHECKS_COLLECT_LOCATIONS_H

#include "checks/model/Facts.h"

namespace clang {
class SourceManager;
}

namespace initcheck {

/// Fill \p L's File/Line/Column from its SourceLocation (the presumed
/// position of its file location, as diagnostics print it); unchanged when
/// it has none.
void resolveLocation(Location &L, const clang::SourceManager &SM);

/// Every Location of the symbols and references, so the facts outlive the
/// AST.
void resolveLocations(TuFacts &Facts, const clang::SourceManager &SM);

} // namespace initcheck

#endif
