//===- UndeclaredInitcallLevel.cpp - initcheck-undeclared-initcall-level --===//
//
// Xen's presmp_initcall() fills .initcallpresmp.init, which the kernel's
// levels do not have: without a declaration its entries would drop out of
// the order table without a word.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/UndeclaredInitcallLevel.h"
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/StringSet.h"

namespace initcheck {

/// The levels that are declared, for the message.
static std::string declaredList(const DeclaredLevels &Declared) {
  if (Declared.empty())
    return "the kernel's, console, early, 0, 0s ... 7, 7s; a project "
           "declares its own with initcall-levels=";
  std::string Out;
  for (const std::string &L : Declared)
    Out += (Out.empty() ? "" : ",") + L;
  return "initcall-levels=" + Out;
}

void checkUndeclaredInitcallLevel(const RuleInput &In, FindingSink &Out) {
  const DeclaredLevels &Declared = In.Options.InitcallLevels;
  // In the plugin a location's file is not resolved yet: one unit is one
  // file there.
  llvm::StringSet<> Seen;
  for (const Initcall &C : In.Facts.Initcalls) {
    if (levelRank(C.Level, Declared) >= 0)
      continue;
    const Symbol &Entry = In.Facts.Symbols[C.Entry];
    std::string Section = levelSection(C.Level);
    if (!Seen.insert(Entry.Loc.File + '\0' + Section).second)
      continue;
    const Symbol &Fn = In.Facts.Symbols[C.Function];
    Finding F;
    F.Where = Entry.Loc;
    bool Named = !llvm::StringRef(C.Level).starts_with(".");
    F.Message = "initcall section '" + Section + "' is " +
                (Named ? "of level '" + C.Level + "', which is not declared"
                       : std::string("of no initcall level")) +
                ": its entries are in no order table and no initcall rule "
                "checks them (the levels: " +
                declaredList(Declared) + ")";
    F.Notes.push_back({Fn.Loc, "'" + Fn.Name + "', the function of entry '" +
                                   Entry.Name + "', declared here"});
    Out.report(F);
  }
}

} // namespace initcheck
