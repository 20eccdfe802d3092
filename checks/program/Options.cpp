//===- Options.cpp - initcheck's settings, parsed once for every front ----===//
#include "checks/program/Options.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace initcheck {

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

using Result = std::optional<std::string>;

/// Every setting, once: the parser (applyOption), the plugin's help
/// (optionSummary), the message for an unknown one, the tool's usage line
/// (toolSettingsUsage) and clang-tidy's CheckOptions (plugin/tidy) are made
/// from this table. A new setting is a row here (and the field it sets).
static const SettingInfo Settings[] = {
    {"warn-only", "", "errors become warnings", "-", "",
     [](StringRef, StringRef, InitcheckOptions &O) -> Result {
       O.WarnOnly = true;
       return std::nullopt;
     }},
    {"modpost-compat", "", "modpost 6.12's verdicts exactly", "-",
     "ModpostCompat",
     [](StringRef, StringRef, InitcheckOptions &O) -> Result {
       O.Analysis.ModpostCompat = true;
       return std::nullopt;
     }},
    {"disable", "RULE[,RULE]", "switch rules off", "RULE", "",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       std::vector<std::string> Ids;
       if (auto Err = splitList(Name, Value, Ids))
         return Err;
       for (const std::string &Id : Ids) {
         if (!findRule(Id))
           return "unknown rule '" + Id + "' in 'disable'";
         O.Analysis.Disabled.insert(Id);
       }
       return std::nullopt;
     }},
    {"whitelist", "PATTERN[,PATTERN]",
     "data names (fnmatch, like *_ops) that may point to init/exit", "PATTERN",
     "Whitelist",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       return splitList(Name, Value, O.Analysis.ExtraWhitelist);
     }},
    {"init-section", "NAME[,NAME]",
     "more sections freed like .init.* (NAME* = prefix)", "NAME",
     "InitSections",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       return splitList(Name, Value, O.Collect.Extra.Init);
     }},
    {"exit-section", "NAME[,NAME]", "more sections discarded like .exit.*",
     "NAME", "ExitSections",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       return splitList(Name, Value, O.Collect.Extra.Exit);
     }},
    {"sarif", "FILE", "also write the findings as SARIF 2.1.0 to FILE", "", "",
     [](StringRef, StringRef Value, InitcheckOptions &O) -> Result {
       if (Value.empty())
         return std::string("'sarif' needs a file name");
       O.SarifFile = Value.str();
       return std::nullopt;
     }},
    {"no-facts", "", "do not store facts in the object file", "", "",
     [](StringRef, StringRef, InitcheckOptions &O) -> Result {
       O.NoFacts = true;
       return std::nullopt;
     }},
    {"help", "", "list settings and rules", "", "",
     [](StringRef, StringRef, InitcheckOptions &O) -> Result {
       O.Help = true;
       return std::nullopt;
     }},
};

ArrayRef<SettingInfo> allSettings() { return Settings; }

std::string optionSummary() {
  std::string Out;
  for (const SettingInfo &S : Settings) {
    std::string Spelled = S.Name.str();
    if (!S.Value.empty())
      Spelled += "=" + S.Value.str();
    // The help in one column: "  whitelist=PATTERN[,PATTERN] data ...".
    size_t Pad = Spelled.size() < 28 ? 28 - Spelled.size() : 1;
    Out += "  " + Spelled + std::string(Pad, ' ') + S.Help.str() + "\n";
  }
  return Out;
}

std::string toolSettingsUsage() {
  std::string Out;
  for (const SettingInfo &S : Settings) {
    if (S.ToolValue.empty())
      continue;
    Out += (Out.empty() ? "--" : ", --") + S.Name.str();
    if (S.ToolValue != "-")
      Out += "=" + S.ToolValue.str();
  }
  return Out;
}

std::optional<std::string> applyOption(StringRef Arg, InitcheckOptions &O) {
  auto [Name, Value] = Arg.split('=');
  bool HasValue = Arg.contains('=');
  for (const SettingInfo &S : Settings)
    if (S.Name == Name && HasValue == !S.Value.empty())
      return S.Apply(Name, Value, O);
  std::string Known;
  for (const SettingInfo &S : Settings)
    Known += (Known.empty() ? "" : ", ") + S.Name.str() +
             (S.Value.empty() ? "" : "=");
  return "unknown setting '" + Arg.str() + "' (known: " + Known + ")";
}

} // namespace initcheck
