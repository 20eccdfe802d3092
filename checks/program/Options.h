//===- Options.h - initcheck's settings, parsed once for every front -*- C++ -*-===//
//
// The plugin takes these as -fplugin-arg-initcheck-ARG, clang-tidy as
// CheckOptions, the tool as flags: one parser, so they cannot drift apart.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_OPTIONS_H
#define INITCHECK_CHECKS_OPTIONS_H

#include "checks/collect/FactCollector.h"
#include "checks/program/Baseline.h"
#include "checks/rules/Rules.h"
#include <memory>
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
  /// baseline=FILE: the findings it accepts (read when the setting is).
  std::shared_ptr<const Baseline> Accepted;
  /// Also show the findings a suppression or a phase guard vouches for.
  bool Verbose = false;
};

/// One setting, as the plugin spells it (-fplugin-arg-initcheck-NAME[=VALUE]).
struct SettingInfo {
  llvm::StringRef Name;  ///< "whitelist"
  llvm::StringRef Value; ///< Its value in help texts, "PATTERN[,PATTERN]"; empty: a flag.
  llvm::StringRef Help;
  /// Its value in the tool's usage line ("PATTERN"; "-" for a flag); empty:
  /// not listed there.
  llvm::StringRef ToolValue;
  /// Its clang-tidy CheckOptions key ("Whitelist"); empty: not an option there.
  llvm::StringRef TidyName;
  std::optional<std::string> (*Apply)(llvm::StringRef Name,
                                      llvm::StringRef Value,
                                      InitcheckOptions &Options);
};

/// Every setting, in the order help texts list them.
llvm::ArrayRef<SettingInfo> allSettings();

/// Apply one setting, as the plugin spells it: "warn-only",
/// "modpost-compat", "disable=RULE[,RULE]", "whitelist=PATTERN[,PATTERN]",
/// "init-section=NAME[,NAME]", "exit-section=NAME[,NAME]", "sarif=FILE",
/// "help".
/// Returns a one-line error naming the problem, or nothing on success.
std::optional<std::string> applyOption(llvm::StringRef Arg,
                                       InitcheckOptions &Options);

/// The settings, one per line, for help texts.
std::string optionSummary();

/// The settings the tool's usage line names: "--warn-only, ...,
/// --exit-section=NAME".
std::string toolSettingsUsage();

} // namespace initcheck

#endif
