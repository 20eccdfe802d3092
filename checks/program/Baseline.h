//===- Baseline.h - Accepted findings, from a SARIF file we wrote -*- C++ -*-===//
//
// A baseline is the SARIF document a front wrote (sarif=FILE, --format=
// sarif): its results' fingerprints (partialFingerprints["initcheck/v1"],
// reports/FindingIdentity.h) are the findings the project accepted.
// reports/Triage.h matches a run's findings against it.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_PROGRAM_BASELINE_H
#define INITCHECK_CHECKS_PROGRAM_BASELINE_H

#include "checks/model/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace initcheck {

struct Baseline {
  /// One result of the document: enough to report it as absent.
  struct Entry {
    std::string Fingerprint;
    std::string RuleId;
    std::string Message;
    Location Where; ///< File (the URI decoded), Line, Column.
  };
  std::string Path;
  std::vector<Entry> Entries;
};

/// Read the SARIF document at \p Path into \p Out. A missing or unreadable
/// file, a document that is not SARIF 2.1.0 JSON, or a result without an
/// initcheck fingerprint is a one-line error naming the file. Results the
/// document itself marks absent are no findings and are skipped.
std::optional<std::string> readBaseline(llvm::StringRef Path, Baseline &Out);

} // namespace initcheck

#endif
