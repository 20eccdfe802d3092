//===- Sarif.h - SARIF 2.1.0 output shared by every front -------*- C++ -*-===//
//
// One writer for the plugin (-fplugin-arg-initcheck-sarif=FILE), `initcheck
// check --format=sarif` and `initcheck link --format=sarif`. Rule ids are
// the registry's (initcheck-...), stable across runs: every
// rule is listed in tool.driver.rules, in allRules() order.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_SARIF_H
#define INITCHECK_CHECKS_SARIF_H

#include "checks/model/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

namespace initcheck {

/// The SARIF 2.1.0 document (one run) for \p Findings, whose locations are
/// resolved (File/Line/Column set). Deterministic: same findings, same bytes.
/// \p Notes, if any, become the run's invocation's notifications (what
/// `initcheck link` judged from relocations only).
std::string sarifDocument(llvm::ArrayRef<Finding> Findings,
                          llvm::ArrayRef<std::string> Notes = {});

/// The URI SARIF gives a file name: relative paths stay relative URI
/// references (GitHub resolves them against the checkout), absolute ones
/// become file:// URIs; both percent-encoded.
std::string sarifUri(llvm::StringRef Path);

} // namespace initcheck

#endif
