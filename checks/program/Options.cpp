//===- Options.cpp - initcheck's settings, parsed once for every front ----===//
#include "checks/program/Options.h"
#include "checks/model/SectionClass.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace initcheck {

/// "a,b,,c" -> {"a", "b", "c"}; an empty list is an error.
static std::optional<std::string> splitList(StringRef Name, StringRef Value,
                                            std::vector<std::string> &Out) {
  SmallVector<StringRef, 4> Items;
  Value.split(Items, ',', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Trimmed;
  for (StringRef Item : Items)
    if (!Item.trim().empty())
      Trimmed.push_back(Item.trim().str());
  if (Trimmed.empty())
    return "'" + Name.str() + "' needs a value";
  Out = std::move(Trimmed);
  return std::nullopt;
}

/// What the kernel does with a section of class \p C, for the errors below.
static StringRef whatItIs(SectionClass C) {
  using S = SectionClass;
  static const std::pair<SectionClass, const char *> Kinds[] = {
      {S::Text, "resident text"},      {S::OtherText, "resident text"},
      {S::Data, "resident data"},      {S::OtherData, "resident data"},
      {S::RoData, "resident data"},
      {S::PciFixup, "a resident table (PCI fixups)"},
      {S::Init, "init memory"},        {S::Exit, "exit memory"},
      {S::Ref, "__ref memory"},        {S::Head, "early boot text"},
      {S::InitTable, "an initcall table"},
      {S::ExitTable, "an exitcall table"},
      {S::ExportTable, "an export table"}};
  // A class added to SectionClass needs its words here.
  static_assert(sizeof(Kinds) / sizeof(Kinds[0]) == size_t(S::Unchecked),
                "every SectionClass but Unchecked has a row");
  for (const auto &[Class, What] : Kinds)
    if (Class == C)
      return What;
  return "a section initcheck does not check";
}

/// One section of every kind the kernel knows, so that a prefix
/// (`init-section=.te*`) is checked against each.
static const char *const KnownSections[] = {
    ".text", ".text.hot", ".text.unlikely", ".text.startup", ".text.exit",
    ".ltext", ".sched.text", ".kprobes.text", ".cpuidle.text",
    ".noinstr.text", ".spinlock.text", ".fixup", ".entry.text",
    ".exception.text", ".coldtext", ".softirqentry.text", ".irqentry.text",
    ".data", ".data.rel", ".data..read_mostly", ".data..percpu",
    ".data.rel.ro", ".data..ro_after_init", ".rodata", ".bss", ".tdata",
    ".tbss", ".sdata", ".sbss", ".pci_fixup_early", ".init.text",
    ".init.data", ".init.rodata", ".init.setup", ".exit.text", ".exit.data",
    ".initcall6.init", ".con_initcall.init", ".exitcall.exit", ".ref.text",
    ".ref.data", ".ref.rodata", ".head.text", ".export_symbol", "__ksymtab",
    "___ksymtab+name"};

/// The part of a section entry before its '*' (the whole name otherwise).
static StringRef prefixOf(StringRef Entry) {
  return Entry.ends_with("*") ? Entry.drop_back() : Entry;
}

/// Two section entries that name a common section: then one list wins
/// silently over the other.
static bool overlap(StringRef A, StringRef B) {
  bool PA = A.ends_with("*"), PB = B.ends_with("*");
  StringRef XA = prefixOf(A), XB = prefixOf(B);
  if (PA && PB)
    return XA.starts_with(XB) || XB.starts_with(XA);
  if (PA)
    return B.starts_with(XA);
  if (PB)
    return A.starts_with(XB);
  return A == B;
}

/// init-section= and exit-section= may add sections the kernel does not
/// know, never redefine one it does: `init-section=.text` would make every
/// function init code and silence every finding.
static std::optional<std::string>
checkSections(StringRef Name, const std::vector<std::string> &Entries,
              SectionClass Want, const std::vector<std::string> &Other,
              StringRef OtherName) {
  for (StringRef E : Entries) {
    std::string Setting = Name.str() + "=" + E.str();
    size_t Star = E.find('*');
    if (Star != StringRef::npos && Star + 1 != E.size())
      return "'" + Setting + "': '*' may only end a section name";
    StringRef Prefix = prefixOf(E);
    if (Prefix.empty())
      return "'" + Setting + "' would make every section " +
             whatItIs(Want).str();
    auto Conflict = [&](StringRef Section) -> std::optional<std::string> {
      SectionClass C = classifySection(Section);
      if (C == SectionClass::Unchecked || C == Want)
        return std::nullopt;
      return "'" + Setting + "': " + Section.str() + " is " +
             whatItIs(C).str() + ", not " + whatItIs(Want).str();
    };
    if (auto Err = Conflict(Prefix))
      return Err;
    if (E.ends_with("*"))
      for (StringRef Known : KnownSections)
        if (Known.starts_with(Prefix))
          if (auto Err = Conflict(Known))
            return Err;
    for (StringRef O : Other)
      if (overlap(E, O))
        return "'" + Setting + "' contradicts '" + OtherName.str() + "=" +
               O.str() + "'";
  }
  return std::nullopt;
}

/// whitelist= takes fnmatch patterns. fnmatch takes any string, so a
/// malformed one would silently match nothing, and `*` would exempt every
/// object from every rule.
static std::optional<std::string>
checkPatterns(const std::vector<std::string> &Patterns) {
  for (StringRef P : Patterns) {
    std::string Setting = "whitelist=" + P.str();
    if (P.find_first_not_of('*') == StringRef::npos)
      return "'" + Setting + "' would exempt every object";
    for (size_t I = 0; I < P.size(); ++I) {
      if (P[I] == '\\') {
        if (++I == P.size())
          return "'" + Setting + "': the pattern ends in '\\'";
      } else if (P[I] == '[') {
        size_t J = I + 1;
        if (J < P.size() && (P[J] == '!' || P[J] == '^'))
          ++J;
        if (J < P.size() && P[J] == ']')
          ++J;
        J = P.find(']', J);
        if (J == StringRef::npos)
          return "'" + Setting + "': '[' without its ']'";
        I = J;
      }
    }
  }
  return std::nullopt;
}

/// init-section= or exit-section=: the entries, checked against the
/// kernel's sections and against the other list as it stands (whichever of
/// the two comes second sees the first).
static std::optional<std::string> applySections(StringRef Name,
                                                StringRef Value,
                                                InitcheckOptions &O) {
  bool Init = Name == "init-section";
  std::vector<std::string> Entries;
  if (auto Err = splitList(Name, Value, Entries))
    return Err;
  if (auto Err = checkSections(
          Name, Entries, Init ? SectionClass::Init : SectionClass::Exit,
          Init ? O.Collect.Extra.Exit : O.Collect.Extra.Init,
          Init ? "exit-section" : "init-section"))
    return Err;
  llvm::append_range(Init ? O.Collect.Extra.Init : O.Collect.Extra.Exit,
                     Entries);
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
       std::vector<std::string> Patterns;
       if (auto Err = splitList(Name, Value, Patterns))
         return Err;
       if (auto Err = checkPatterns(Patterns))
         return Err;
       llvm::append_range(O.Analysis.ExtraWhitelist, Patterns);
       return std::nullopt;
     }},
    {"init-section", "NAME[,NAME]",
     "more sections freed like .init.* (NAME* = prefix)", "NAME",
     "InitSections",
     applySections},
    {"exit-section", "NAME[,NAME]", "more sections discarded like .exit.*",
     "NAME", "ExitSections",
     applySections},
    {"initcall-levels", "LEVEL[,LEVEL]",
     "the project's init levels in run order (default: the kernel's)",
     "LEVEL", "InitcallLevels",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       DeclaredLevels Levels;
       if (auto Err = splitList(Name, Value, Levels))
         return Err;
       if (auto Err = checkDeclaredLevels(Levels))
         return Err;
       DeclaredLevels &Have = O.Analysis.InitcallLevels;
       if (!Have.empty() && Have != Levels)
         return "'initcall-levels=" + Value.str() +
                "' contradicts an earlier 'initcall-levels': one order per "
                "run";
       Have = std::move(Levels);
       return std::nullopt;
     }},
    {"sarif", "FILE", "also write the findings as SARIF 2.1.0 to FILE", "", "",
     [](StringRef, StringRef Value, InitcheckOptions &O) -> Result {
       if (Value.empty())
         return std::string("'sarif' needs a file name");
       if (!O.SarifFile.empty() && O.SarifFile != Value)
         return "'sarif=" + Value.str() + "' contradicts 'sarif=" +
                O.SarifFile + "': one file per run";
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
    {"baseline", "FILE",
     "findings of this SARIF file (one we wrote) are accepted, not errors",
     "FILE", "Baseline",
     [](StringRef, StringRef Value, InitcheckOptions &O) -> Result {
       if (O.Accepted && O.Accepted->Path != Value)
         return "'baseline=" + Value.str() + "' contradicts 'baseline=" +
                O.Accepted->Path + "': one baseline per run";
       auto B = std::make_shared<Baseline>();
       if (auto Err = readBaseline(Value, *B))
         return Err;
       O.Accepted = std::move(B);
       return std::nullopt;
     }},
    {"phase-guard", "EXPR",
     "code inside `if (EXPR)` runs only at init (trusted, not proved)",
     "EXPR", "PhaseGuard",
     [](StringRef Name, StringRef Value, InitcheckOptions &O) -> Result {
       // Compared as tokens (collect/PhaseGuards.cpp); here only the text,
       // since initcheck-link has no lexer.
       if (Value.trim().empty())
         return "'" + Name.str() + "' needs an expression";
       if (!llvm::is_contained(O.Collect.PhaseGuards, Value.trim().str()))
         O.Collect.PhaseGuards.push_back(Value.trim().str());
       return std::nullopt;
     }},
    {"verbose", "",
     "also show findings a suppression or a phase guard vouches for", "-",
     "Verbose",
     [](StringRef, StringRef, InitcheckOptions &O) -> Result {
       O.Verbose = true;
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
