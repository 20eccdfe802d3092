//===- ModpostWhitelist.cpp - modpost 6.12's exemptions -------------------===//
#include "checks/analysis/ModpostWhitelist.h"
#include <fnmatch.h>

using namespace llvm;

namespace initcheck {

/// modpost matches DATA_SECTIONS as the from-section. initcheck also checks
/// const and other resident data, and applies the same names to them.
static bool isData(const Symbol &S) {
  return S.Kind == SymbolKind::Variable && isResident(S.Class);
}

/// modpost's ALL_TEXT_SECTIONS: code in init, exit, resident or other
/// text sections.
static bool isCode(const Symbol &S) {
  switch (modpostClass(S.Class, S.Section)) {
  case SectionClass::Text:
  case SectionClass::OtherText:
  case SectionClass::Ref:
  case SectionClass::Head:
    return true;
  default:
    return S.Section == ".init.text" || S.Section == ".exit.text";
  }
}

bool isModpostWhitelisted(const Symbol &From, const Symbol &To,
                          const std::vector<std::string> &Extra) {
  bool ToInit = To.Class == SectionClass::Init;
  bool ToExit = To.Class == SectionClass::Exit;
  StringRef Name = From.Identifier;
  // 1: a module_param with perm 0 may live in init data.
  if (isData(From) && Name.starts_with("__param") &&
      (To.Section == ".init.setup" || To.Section == ".init.rodata" ||
       To.Section == ".init.data"))
    return true;
  // 1a: module_param_call() ops whose set function is __init.
  if (isData(From) && Name.starts_with("__param_ops_") &&
      To.Section == ".init.text")
    return true;
  // 2: driver/ops structures whose init or exit pointers are only used
  // while that memory exists (the name is the only evidence modpost has).
  if (isData(From) && (ToInit || ToExit) &&
      (Name.ends_with("_ops") || Name.ends_with("_probe") ||
       Name.ends_with("_console")))
    return true;
  // 3: early boot code may call init code.
  if (StringRef(From.Section).starts_with(".head.text") && ToInit)
    return true;
  // 4: section boundary symbols carry no storage.
  if (To.Identifier == "__init_begin" || To.Identifier == "_sinittext" ||
      To.Identifier == "_einittext")
    return true;
  // 5: GCC's clones of functions given constant arguments, calling init
  // code with init data as the constant; source code never has them, the
  // relocations of GCC-built objects do (RelocationFacts).
  if (isCode(From) && ToInit && Name.contains(".constprop."))
    return true;
  // A project's own names, matched as modpost matches its patterns.
  if (isData(From) && (ToInit || ToExit))
    for (const std::string &Pattern : Extra)
      if (fnmatch(Pattern.c_str(), From.Identifier.c_str(), 0) == 0)
        return true;
  return false;
}

} // namespace initcheck
