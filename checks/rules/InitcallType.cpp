//===- InitcallType.cpp - initcheck-initcall-type -------------------------===//
//
// do_one_initcall() calls every entry as int (*)(void); a function of
// another type is called with the wrong ABI (kCFI kernels panic). The
// kernel's own macros catch this with a static_assert or __inittest, but a
// project's wrapper that writes the table entry itself does not.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/InitcallType.h"
#include "checks/model/InitcallTable.h"

namespace initcheck {

void checkInitcallType(const RuleInput &In, FindingSink &Out) {
  for (const Initcall &C : In.Facts.Initcalls) {
    const Symbol &Fn = In.Facts.Symbols[C.Function];
    // An undeclared level is initcheck-undeclared-initcall-level's.
    if (levelRank(C.Level, In.Options.InitcallLevels) < 0)
      continue;
    bool Init = !isExitLevel(C.Level);
    if ((Init ? Fn.IsIntVoid : Fn.IsVoidVoid) || Fn.Type.empty())
      continue;
    Finding F;
    F.Where = In.Facts.Symbols[C.Entry].Loc;
    F.Message = std::string(Init ? "initcall" : "exitcall") + " function '" +
                Fn.Name + "' has type '" + Fn.Type + "', but the kernel calls " +
                (Init ? "initcalls as 'int (void)'" : "exitcalls as 'void (void)'");
    F.Notes.push_back({Fn.Loc, "'" + Fn.Name + "' defined here"});
    Out.report(F);
  }
}

} // namespace initcheck
