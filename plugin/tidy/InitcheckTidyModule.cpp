//===- InitcheckTidyModule.cpp - clang-tidy-19 --load=initcheck-tidy.so ---===//
//
// The clang-tidy front: one check per rule of the core, named by the rule id
// (initcheck-section-mismatch, ...), so `--checks=-*,initcheck-*`,
// NOLINT(initcheck-...), --warnings-as-errors and .clang-tidy files speak
// the names the plugin prints. The checks come from allRules(): a new rule
// in the core is a new check here without a line of this file changing.
//
// The module is loaded into Debian's clang-tidy-19, which exports every
// clang-tidy, clang and LLVM symbol used here; it links only the core.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/Rules.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/Basic/Version.h"
#include "plugin/tidy/RuleCheck.h"
#include <cstdio>
#include <string>

using namespace clang::tidy;

namespace initcheck {
namespace tidy {

class InitcheckModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    // Another clang-tidy (bookworm's plain clang-tidy is 14) would list the
    // checks and then stop on a missing symbol in the middle of a run: say
    // so and register nothing. stdio, not llvm::errs(): the host's
    // raw_ostream may not be laid out as ours.
    std::string Host = clang::getClangFullVersion();
    std::string Ours = "version " + std::to_string(CLANG_VERSION_MAJOR) + ".";
    if (Host.find(Ours) == std::string::npos) {
      std::fprintf(stderr,
                   "initcheck-tidy.so: built for clang-tidy-%d, loaded into "
                   "'%s'; no initcheck check is available (run "
                   "clang-tidy-%d)\n",
                   CLANG_VERSION_MAJOR, Host.c_str(), CLANG_VERSION_MAJOR);
      return;
    }
    for (const RuleInfo &R : allRules())
      Factories.registerCheckFactory(
          R.Id, [](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<RuleCheck>(Name, Context);
          });
  }
};

} // namespace tidy
} // namespace initcheck

static ClangTidyModuleRegistry::Add<initcheck::tidy::InitcheckModule>
    X("initcheck-module", "section discipline of __init and __exit code");
