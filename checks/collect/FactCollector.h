//===- FactCollector.h - From a clang AST to TuFacts ------------*- C++ -*-===//
#ifndef INITCHECK_CHECKS_FACTCOLLECTOR_H
#define INITCHECK_CHECKS_FACTCOLLECTOR_H

#include "checks/model/Facts.h"

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace initcheck {

struct CollectOptions {
  /// -fdata-sections or LTO: objects go to .data.<name>, unseen by modpost.
  bool DataSections = false;
  /// A project's own init and exit sections.
  ExtraSections Extra;
  /// phase-guard=EXPR: conditions under which resident code runs only in
  /// the init phase (docs/adopting.md#phase-guards).
  std::vector<std::string> PhaseGuards;
};

/// Walk the whole translation unit once and record every function and
/// object with static storage, its effective section, and every evaluated
/// reference between them (code, initializers, file-scope asm tables).
/// \p PP may be null; it is used to spell fix-its with the project's macros.
TuFacts collectFacts(clang::ASTContext &Ctx, clang::Preprocessor *PP,
                     const CollectOptions &Options);

} // namespace initcheck

#endif
