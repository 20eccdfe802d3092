//===- Options.cpp - initcheck's settings, parsed once for every front ----===//
#include "checks/program/Options.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace initcheck {

StringRef optionSummary() {
  return "  warn-only                   errors become warnings\n"
         "  modpost-compat              modpost 6.12's verdicts exactly\n"
         "  disable=RULE[,RULE]         switch rules off\n"
         "  whitelist=PATTERN[,PATTERN] data names (fnmatch, like *_ops) that "
         "may point to init/exit\n"
         "  init-section=NAME[,NAME]    more sections freed like .init.* "
         "(NAME* = prefix)\n"
         "  exit-section=NAME[,NAME]    more sections discarded like .exit.*\n"
         "  sarif=FILE                  also write the findings as SARIF "
         "2.1.0 to FILE\n"
         "  no-facts                    do not store facts in the object "
         "file\n"
         "  help                        list settings and rules\n";
}

/// "a,b,,c" -> {"a", "b", "c"}; an empty list is an error.
static std::optional<std::string> splitList(StringRef Name, StringRef Value,
                                            std::vector<std::string> &Out) {
  SmallVector<StringRef, 4> Items;
  Value.split(Items, ',', -1, /*KeepEmpty=*/false);
  if (Items.empty())
    return "'" + Name.str() + "' needs a value";
  for (StringRef Item : Items)
    Out.push_back(Item.trim().str());
  return std::nullopt;
}

std::optional<std::string> applyOption(StringRef Arg, InitcheckOptions &O) {
  auto [Name, Value] = Arg.split('=');
  bool HasValue = Arg.contains('=');
  if (Name == "warn-only" && !HasValue) {
    O.WarnOnly = true;
  } else if (Name == "modpost-compat" && !HasValue) {
    O.Analysis.ModpostCompat = true;
  } else if (Name == "no-facts" && !HasValue) {
    O.NoFacts = true;
  } else if (Name == "help" && !HasValue) {
    O.Help = true;
  } else if (Name == "disable" && HasValue) {
    std::vector<std::string> Ids;
    if (auto Err = splitList(Name, Value, Ids))
      return Err;
    for (const std::string &Id : Ids) {
      if (!findRule(Id))
        return "unknown rule '" + Id + "' in 'disable'";
      O.Analysis.Disabled.insert(Id);
    }
  } else if (Name == "whitelist" && HasValue) {
    return splitList(Name, Value, O.Analysis.ExtraWhitelist);
  } else if (Name == "init-section" && HasValue) {
    return splitList(Name, Value, O.Collect.Extra.Init);
  } else if (Name == "exit-section" && HasValue) {
    return splitList(Name, Value, O.Collect.Extra.Exit);
  } else if (Name == "sarif" && HasValue) {
    if (Value.empty())
      return "'sarif' needs a file name";
    O.SarifFile = Value.str();
  } else {
    return "unknown setting '" + Arg.str() +
           "' (known: warn-only, modpost-compat, disable=, whitelist=, "
           "init-section=, exit-section=, sarif=, no-facts, help)";
  }
  return std::nullopt;
}

} // namespace initcheck
