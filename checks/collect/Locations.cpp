//===- Locations.cpp - clang locations to file:line:column ----------------===//
#include "checks/collect/Locations.h"
#include "clang/Basic/SourceManager.h"

namespace initcheck {

void resolveLocation(Location &L, const clang::SourceManager &SM) {
  if (!L.Loc.isValid())
    return;
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L.Loc));
  if (P.isInvalid())
    return;
  L.File = P.getFilename();
  L.Line = P.getLine();
  L.Column = P.getColumn();
}

void resolveLocations(TuFacts &Facts, const clang::SourceManager &SM) {
  for (Symbol &S : Facts.Symbols) {
    resolveLocation(S.Loc, SM);
    resolveLocation(S.AnnotationLoc, SM);
  }
  for (Reference &R : Facts.Refs)
    resolveLocation(R.Loc, SM);
  for (Flow &F : Facts.Flows)
    resolveLocation(F.Loc, SM);
}

} // namespace initcheck
