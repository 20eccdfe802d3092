//===- RuleCheck.cpp - One clang-tidy check per initcheck rule ------------===//
#include "plugin/tidy/RuleCheck.h"
#include "checks/collect/FactCollector.h"
#include "checks/collect/Locations.h"
#include "checks/reports/DiagnosticsSink.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/Triage.h"
#include "checks/analysis/Residency.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringExtras.h"
#include <cassert>

using namespace clang;
using namespace clang::ast_matchers;

namespace initcheck {
namespace tidy {

/// The facts of the translation unit being checked, collected once for all
/// the initcheck checks of that unit: ten checks, one AST walk. clang-tidy
/// creates every check of a unit together and destroys them after it, so the
/// checks of one unit share one cache (see acquire()) and it dies with them;
/// each entry is also tied to its ASTContext, and dropped at the start and
/// end of every unit, so nothing can outlive the unit it describes.
class TuAnalysisCache {
public:
  struct Analysis {
    explicit Analysis(TuFacts F) : Facts(std::move(F)), Reach(Facts) {}
    TuFacts Facts;
    Residency Reach;
  };

  /// The cache of the checks being created now: the live one if the checks
  /// of this unit already made it, else a new one. clang-tidy builds
  /// checks and runs units on one thread.
  static std::shared_ptr<TuAnalysisCache> acquire() {
    static std::weak_ptr<TuAnalysisCache> Current;
    if (std::shared_ptr<TuAnalysisCache> Live = Current.lock())
      return Live;
    auto Fresh = std::make_shared<TuAnalysisCache>();
    Current = Fresh;
    return Fresh;
  }

  /// Facts depend on the collect settings, which a .clang-tidy may set per
  /// check: checks that agree share one entry.
  const Analysis &get(ASTContext &Ctx, Preprocessor *PP,
                      const CollectOptions &Options) {
    std::string Key = keyOf(Options);
    for (const Entry &E : Entries)
      if (E.Ctx == &Ctx && E.Key == Key)
        return *E.Result;
    Entries.push_back(
        {&Ctx, Key,
         std::make_unique<Analysis>(collectFacts(Ctx, PP, Options))});
    return *Entries.back().Result;
  }

  void clear() { Entries.clear(); }

private:
  static std::string keyOf(const CollectOptions &O) {
    // Section names cannot contain '\n' in a .clang-tidy list value split
    // at commas, so this separator cannot make two settings collide.
    std::string Key = O.DataSections ? "D" : "-";
    for (const std::string &S : O.Extra.Init)
      Key += "\ni" + S;
    for (const std::string &S : O.Extra.Exit)
      Key += "\ne" + S;
    for (const std::string &S : O.PhaseGuards)
      Key += "\ng" + S;
    return Key;
  }

  struct Entry {
    const ASTContext *Ctx;
    std::string Key;
    std::unique_ptr<Analysis> Result;
  };
  std::vector<Entry> Entries;
};

namespace {

/// Findings of one rule, as clang-tidy diagnostics of the check.
class TidySink : public FindingSink {
public:
  explicit TidySink(RuleCheck &Check) : Check(Check) {}
  void report(const Finding &F) override { Check.report(F); }

private:
  RuleCheck &Check;
};

/// clang-tidy's own spellings of a boolean option value.
std::optional<bool> parseBool(StringRef Value) {
  std::string V = Value.trim().lower();
  if (V == "true" || V == "1" || V == "yes" || V == "on")
    return true;
  if (V == "false" || V == "0" || V == "no" || V == "off")
    return false;
  return std::nullopt;
}

} // namespace

RuleCheck::RuleCheck(StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Rule(findRule(Name)), Context(Context),
      ModuleOptions("initcheck", Context->getOptions().CheckOptions, Context),
      Cache(TuAnalysisCache::acquire()) {
  assert(Rule && "checks are registered from allRules()");
  readSettings();
}

RuleCheck::~RuleCheck() = default;

/// A setting's value and the key it came from: the check's own
/// ("initcheck-section-mismatch.X") or the one every initcheck check reads
/// ("initcheck.X"). When both are set, the one from the .clang-tidy nearer
/// the file wins, as clang-tidy decides between a check's local and global
/// options; on a tie the check's own.
std::optional<RuleCheck::Setting> RuleCheck::setting(StringRef Name) const {
  std::string LocalKey = (getID() + "." + Name).str();
  std::string ModuleKey = ("initcheck." + Name).str();
  // Both lookups go through OptionsView so that --verify-config knows both
  // spellings.
  std::optional<StringRef> Local = Options.get(Name);
  std::optional<StringRef> Module = ModuleOptions.get(Name);
  if (Local && Module) {
    const auto &All = Context->getOptions().CheckOptions;
    if (All.lookup(ModuleKey).Priority > All.lookup(LocalKey).Priority)
      Local.reset();
  }
  if (Local)
    return Setting{LocalKey, *Local};
  if (Module)
    return Setting{ModuleKey, *Module};
  return std::nullopt;
}

void RuleCheck::configurationError(const Setting &S,
                                   const std::string &Problem) {
  Misconfigured = true;
  // Named by the key that was set, so that a shared "initcheck.X" gives one
  // line, not one per check (clang-tidy drops identical diagnostics).
  configurationDiag("invalid value '%0' for option '%1': %2; initcheck "
                    "checks reading it do not run",
                    DiagnosticIDs::Error)
      << S.Value << S.Key << Problem;
}

/// Every setting goes through applyOption(), the parser the plugin uses,
/// spelled as the plugin argument it stands for.
void RuleCheck::readSettings() {
  auto Flag = [&](StringRef Name, bool &Out) {
    std::optional<Setting> S = setting(Name);
    if (!S)
      return false;
    std::optional<bool> B = parseBool(S->Value);
    if (!B) {
      configurationError(*S, "not a boolean (true or false)");
      return false;
    }
    Out = *B;
    return Out;
  };
  auto List = [&](StringRef Name, StringRef Arg, std::string &Out) {
    std::optional<Setting> S = setting(Name);
    if (!S)
      return;
    Out = S->Value.str();
    // Empty is the default: no extra entries.
    if (StringRef(Out).trim().empty())
      return;
    if (std::optional<std::string> Error =
            applyOption((Arg + "=" + Out).str(), Settings))
      configurationError(*S, *Error);
  };

  // The settings clang-tidy offers, from the one table (checks/program/
  // Options.cpp): a flag is a boolean option, a list a comma-separated one.
  for (const SettingInfo &S : allSettings()) {
    if (S.TidyName.empty())
      continue;
    if (!S.Value.empty()) {
      List(S.TidyName, S.Name, Written[S.TidyName]);
      continue;
    }
    bool On = false;
    if (Flag(S.TidyName, On))
      applyOption(S.Name, Settings);
    Written[S.TidyName] = On ? "true" : "false";
  }
  // The plugin reads -fdata-sections and -flto from the code generator's
  // options; clang-tidy parses the command but keeps no CodeGenOptions, so
  // here it is a setting.
  Flag("DataSections", DataSections);
  Settings.Collect.DataSections = DataSections;
}

void RuleCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  // Booleans as text through the plain store(): the store<bool>
  // specialisation's name has an enable_if<is_integral_v<T>> in it, which
  // GCC mangles differently from the clang that built clang-tidy, so a
  // module built with g++ would not find it.
  auto Bool = [](bool B) { return B ? "true" : "false"; };
  for (const SettingInfo &S : allSettings())
    if (!S.TidyName.empty())
      Options.store(Opts, S.TidyName, Written.lookup(S.TidyName));
  Options.store(Opts, "DataSections", Bool(DataSections));
}

void RuleCheck::registerPPCallbacks(const SourceManager &, Preprocessor *P,
                                    Preprocessor *) {
  // The collector asks the preprocessor which annotation macros exist, to
  // spell fix-its as the project does (__init, else the attribute).
  PP = P;
}

void RuleCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis is over the whole unit; one match per unit starts it.
  Finder->addMatcher(translationUnitDecl(), this);
}

void RuleCheck::onStartOfTranslationUnit() { Cache->clear(); }

void RuleCheck::onEndOfTranslationUnit() { Cache->clear(); }

void RuleCheck::check(const MatchFinder::MatchResult &Result) {
  if (Misconfigured)
    return;
  ASTContext &Ctx = *Result.Context;
  // As in the plugin: an AST with errors in it may be incomplete, so stay
  // silent rather than guess (clang-tidy reports the errors themselves).
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred())
    return;
  const TuAnalysisCache::Analysis &A = Cache->get(Ctx, PP, Settings.Collect);
  RuleInput In{A.Facts, A.Reach, Settings.Analysis};
  TidySink Sink(*this);
  runRule(*Rule, In, Sink);
  // Triaged as the plugin does, with this rule's findings alone (a
  // fingerprint ranks among one rule's findings).
  const SourceManager &SM = *Result.SourceManager;
  std::string MainFile;
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    MainFile = identityFile(Main->getName());
  for (Finding &F : Found)
    resolveLocation(F.Where, SM);
  markSuppressed(Found, A.Facts.Suppressions);
  triageRun(Found, Settings, [&](StringRef File) { return File == MainFile; });
  llvm::erase_if(Found, [&](const Finding &F) { return F.RuleId != getID(); });
  for (const Finding &F : Found)
    emit(F);
  Found.clear();
}

void RuleCheck::report(const Finding &F) {
  assert(F.RuleId == getID() && "a rule reports only its own findings");
  Found.push_back(F);
}

void RuleCheck::emit(const Finding &F) {
  // Every finding is a warning, the clang-tidy convention; errors are chosen
  // with --warnings-as-errors. The message goes in as an argument, not as
  // the format string, so a '%' in a C++ name stays text. clang-tidy appends
  // " [initcheck-...]" itself: the line reads as the plugin's.
  TextLevel Level = textLevel(F, Settings.Verbose);
  if (Level == TextLevel::Hidden)
    return;
  bool Remark = Level == TextLevel::Remark;
  {
    DiagnosticBuilder DB =
        diag(F.Where.Loc, "%0",
             Remark ? DiagnosticIDs::Remark : DiagnosticIDs::Warning);
    DB << textMessage(F, /*WithId=*/false, /*Placed=*/F.Where.Loc.isValid());
    if (!Remark)
      for (const FixIt &Fix : F.FixIts)
        DB << toFixItHint(Fix);
  } // Emitted here, before its notes.
  if (std::optional<FindingNote> Why = vouchNote(F))
    diag(Why->Where.Loc, "%0", DiagnosticIDs::Note) << Why->Message;
  if (!Remark || F.By != Vouched::Reported)
    for (const FindingNote &N : F.Notes)
      diag(N.Where.Loc, "%0", DiagnosticIDs::Note) << N.Message;
}

} // namespace tidy
} // namespace initcheck
