//===- Finding.h - A diagnostic, independent of the front -------*- C++ -*-===//
#ifndef INITCHECK_CHECKS_FINDING_H
#define INITCHECK_CHECKS_FINDING_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace initcheck {

enum class Severity : unsigned char { Error, Warning };

struct Finding {
  llvm::StringRef RuleId; ///< The registry's id, stamped by runRule().
  Severity Level = Severity::Error;
  Location Where;
  std::string Message;    ///< Without the trailing "[rule-id]".
  std::vector<FindingNote> Notes;
  std::vector<FixIt> FixIts;
  /// The reference the finding is about (index into TuFacts::Refs), if any.
  std::optional<unsigned> Ref;
};

/// Where findings go: clang's DiagnosticsEngine, clang-tidy, or a file.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(const Finding &F) = 0;
};

} // namespace initcheck

#endif
