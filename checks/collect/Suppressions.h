//===- Suppressions.h - initcheck-suppress comments -------------*- C++ -*-===//
#ifndef INITCHECK_CHECKS_COLLECT_SUPPRESSIONS_H
#define INITCHECK_CHECKS_COLLECT_SUPPRESSIONS_H

#include "checks/model/Facts.h"

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace initcheck {

/// The comment's marker: `initcheck-suppress(RULE[,RULE]): REASON`.
inline constexpr llvm::StringLiteral SuppressMarker = "initcheck-suppress(";

/// Every initcheck-suppress comment in the files of the translation unit
/// (not system headers), locations resolved, once per file and line. A
/// marker outside a comment (a string literal, code) is not one; a
/// comment without "): REASON" is kept with an empty reason, so that the
/// finding it meant to suppress can say why it did not.
std::vector<Suppression> collectSuppressions(const clang::SourceManager &SM,
                                             const clang::LangOptions &LO);

} // namespace initcheck

#endif
