//===- InitcallNotInit.cpp - initcheck-initcall-not-init ------------------===//
//
// Legal, and modpost says nothing (.initcall* -> .text is fine), but an
// initcall that is not __init keeps its code resident forever although the
// kernel calls it once; built-in exitcalls are never called at all.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/InitcallNotInit.h"
#include "checks/model/InitcallTable.h"
#include "checks/analysis/Residency.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

void checkInitcallNotInit(const RuleInput &In, FindingSink &Out) {
  std::vector<bool> Reported(In.Facts.Symbols.size(), false);
  for (const Initcall &C : In.Facts.Initcalls) {
    const Symbol &Fn = In.Facts.Symbols[C.Function];
    // An undeclared level is initcheck-undeclared-initcall-level's.
    if (levelRank(C.Level, In.Options.InitcallLevels) < 0)
      continue;
    bool Init = !isExitLevel(C.Level);
    SectionClass Wanted = Init ? SectionClass::Init : SectionClass::Exit;
    // Only unannotated static functions that nothing but init (exit) code
    // uses: mm/mmap.c's init_user_reserve() is an initcall and also runs
    // from a memory-hotplug notifier. An external function may be called
    // from other files; an annotated one is deliberate (__ref) or a phase
    // error the mismatch rules report (an __exit initcall).
    if (Reported[C.Function] || Fn.Class == Wanted || Fn.InSystemHeader ||
        !In.Reach.isHelper(C.Function) ||
        In.Reach.reach(C.Function) != (Init ? ReachInit : ReachExit))
      continue;
    Reported[C.Function] = true;
    std::string Annotation = annotationFor(Fn, Init ? ReachInit : ReachExit);
    Finding F;
    // Referencing init (exit) memory, the function holds the reference
    // modpost reports (.text -> .init.text): say so there, inside it.
    const Reference *Crossing = nullptr;
    for (const Reference &R : In.Facts.Refs)
      if (R.From == C.Function && In.Facts.Symbols[R.To].Class == Wanted) {
        Crossing = &R;
        break;
      }
    std::string What =
        std::string(Init ? "initcall" : "exitcall") + " function '" + Fn.Name + "'";
    if (Crossing) {
      F.Where = Crossing->Loc;
      F.Message = What + " references " +
                  describeSymbol(In.Facts.Symbols[Crossing->To]) +
                  " but is not " + Annotation + ": mark it " + Annotation;
    } else {
      F.Where = In.Facts.Symbols[C.Entry].Loc;
      F.Message = What + " is not " + Annotation + ": " +
                  (Init ? "it stays in memory after it ran at boot"
                        : "a built-in kernel never calls it, yet keeps it");
    }
    if (auto Fix = annotateFixIt(In.Facts, Fn, Annotation))
      F.FixIts.push_back(*Fix);
    if (Crossing) {
      F.Notes.push_back({In.Facts.Symbols[C.Entry].Loc,
                         "'" + Fn.Name + "' is registered as " +
                             (Init ? "an initcall" : "an exitcall") + " here"});
      F.Notes.push_back(annotationNote(In.Facts.Symbols[Crossing->To]));
    } else {
      F.Notes.push_back({Fn.Loc, "'" + Fn.Name + "' defined here"});
    }
    Out.report(F);
  }
}

} // namespace initcheck
