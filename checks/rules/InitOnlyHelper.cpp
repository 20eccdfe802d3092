//===- InitOnlyHelper.cpp - initcheck-init-only-helper --------------------===//
//
// A static function (or object) without annotation that only init code
// uses, and that references init memory, is init code its author forgot to
// mark. It is safe today, but it wastes resident memory, and modpost flags
// it whenever the compiler decides not to inline it (ClangBuiltLinux #1301).
// One advice per helper, with a fix-it that adds the annotation. The same
// holds for helpers used only by exit code that reference exit memory.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/InitOnlyHelper.h"
#include "checks/model/InitcallTable.h"
#include "checks/analysis/ModpostWhitelist.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

void checkInitOnlyHelper(const RuleInput &In, FindingSink &Out) {
  if (In.Options.ModpostCompat)
    return; // modpost has no call graph: these are section mismatches there
  const auto &Syms = In.Facts.Symbols;
  std::vector<bool> Reported(Syms.size(), false);
  for (const Reference &R : In.Facts.Refs) {
    unsigned H = R.From;
    const Symbol &Helper = Syms[H], &To = Syms[R.To];
    if (Reported[H] || !In.Reach.isHelper(H) || Helper.AlwaysInline ||
        Helper.InSystemHeader ||
        isInitcallFunction(In.Facts, H, In.Options.InitcallLevels))
      continue;
    unsigned Reach = In.Reach.reach(H);
    bool ToInitOrExit =
        To.Class == SectionClass::Init || To.Class == SectionClass::Exit;
    ReachBits Phase;
    const char *Users;
    if (Reach == ReachInit && To.Class == SectionClass::Init) {
      Phase = ReachInit;
      Users = "init";
    } else if (Reach == ReachExit && To.Class == SectionClass::Exit) {
      Phase = ReachExit;
      Users = "exit";
    } else if (Reach == ReachRef && ToInitOrExit) {
      // Safe under the __ref caller's guard, but out of line modpost sees
      // .text -> .init.text: the helper should vouch too.
      Phase = ReachRef;
      Users = "__ref";
    } else {
      continue;
    }
    if (isModpostWhitelisted(Helper, To, In.Options.ExtraWhitelist))
      continue;
    Reported[H] = true;
    std::string Annotation = annotationFor(Helper, Phase);
    // A target written __init_or_module is init memory only without
    // modules; with them it is resident, and so may be the helper's users
    // (init/main.c: do_one_initcall() also runs a module's init). Its own
    // annotation is the one that is right in both configurations.
    if (Phase == ReachInit && To.InitOrModule && !Annotation.empty())
      Annotation += "_or_module";
    Finding F;
    F.Where = R.Loc;
    F.Message = describeSymbol(Helper) + " references " + describeSymbol(To) +
                " and is only used by " + Users + " code";
    if (!Annotation.empty())
      F.Message += ": mark it " + Annotation;
    if (auto Fix = annotateFixIt(In.Facts, Helper, Annotation))
      F.FixIts.push_back(*Fix);
    explainReach(In, H, Phase, F.Notes);
    F.Notes.push_back(annotationNote(To));
    Out.report(F);
  }
}

} // namespace initcheck
