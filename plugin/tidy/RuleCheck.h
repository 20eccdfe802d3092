//===- RuleCheck.h - One clang-tidy check per initcheck rule ----*- C++ -*-===//
//
// The clang-tidy front adds no analysis: each check is this adapter, named
// by a rule id, which runs that rule of the core over facts collected once
// per translation unit and reports through ClangTidyCheck::diag, so
// NOLINT(initcheck-...), --warnings-as-errors and -fix work as for any check.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TIDY_RULECHECK_H
#define INITCHECK_PLUGIN_TIDY_RULECHECK_H

#include "checks/program/Options.h"
#include "checks/rules/Rules.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace initcheck {
namespace tidy {

class TuAnalysisCache;

class RuleCheck : public clang::tidy::ClangTidyCheck {
public:
  /// \p Name is a rule id from allRules().
  RuleCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~RuleCheck() override;

  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result)
      override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

  /// Take one finding of this check's rule (reported once the rule ran).
  void report(const Finding &F);

private:
  struct Setting {
    std::string Key; ///< "initcheck.Whitelist", as written in CheckOptions.
    llvm::StringRef Value;
  };
  std::optional<Setting> setting(llvm::StringRef Name) const;
  void readSettings();
  void configurationError(const Setting &S, const std::string &Problem);
  /// One triaged finding as clang-tidy diagnostics of this check.
  void emit(const Finding &F);

  const RuleInfo *Rule;
  clang::tidy::ClangTidyContext *Context;
  /// Settings shared by every initcheck check: "initcheck.ModpostCompat".
  OptionsView ModuleOptions;
  InitcheckOptions Settings;
  /// The settings as written, by CheckOptions key, for storeOptions
  /// (--dump-config); DataSections is clang-tidy's own (the plugin reads
  /// -fdata-sections).
  llvm::StringMap<std::string> Written;
  bool DataSections = false;
  /// A setting did not parse: the check stays silent rather than run with
  /// a configuration the user did not ask for.
  bool Misconfigured = false;
  clang::Preprocessor *PP = nullptr;
  std::shared_ptr<TuAnalysisCache> Cache;
  std::vector<Finding> Found; ///< The rule's findings in this unit so far.
};

} // namespace tidy
} // namespace initcheck

#endif
