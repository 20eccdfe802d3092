//===- Options.h - initcheck's settings, parsed once for every front -*- C++ -*-===//
//
// The plugin takes these as -fplugin-arg-initcheck-ARG, clang-tidy as
// CheckOptions, the tool as flags: one parser, so they cannot drift apart.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_OPTIONS_H
#define INITCHECK_CHECKS_OPTIONS_H

#include "checks/collect/FactCollector.h"
#include "checks/rules/Rules.h"
#include <optional>
#include <string>

namespace initcheck {

struct InitcheckOptions {
  AnalysisOptions Analysis;
  CollectOptions Collect;
  bool WarnOnly = false;
  bool Help = false;
  /// Do not store facts in the object file (for `initcheck link`).
  bool NoFacts = false;
  /// Also write the findings as SARIF 2.1.0 to this file (the plugin).
  std::string SarifFile;
};

/// Apply one setting, as the plugin spells it: "warn-only",
/// "modpost-compat", "disable=RULE[,RULE]", "whitelist=PATTERN[,PATTERN]",
/// "init-section=NAME[,NAME]", "exit-section=NAME[,NAME]", "sarif=FILE",
/// "help".
/// Returns a one-line error naming the problem, or nothing on success.
std::optional<std::string> applyOption(llvm::StringRef Arg,
                                       InitcheckOptions &Options);

/// The settings applyOption() knows, one per line, for help texts.
llvm::StringRef optionSummary();

} // namespace initcheck

#endif
