//===- InitcallTable.cpp - Initcall levels and the order table ------------===//
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace initcheck {

// do_initcalls() order; rootfs runs as the tail of level 5 (init/main.c has
// no pointer to __initcallrootfs_start). Console initcalls run earlier, from
// console_init() in start_kernel(). A module's init runs at load time.
// test/structure/initcall-levels.test holds the runtime (runtime/src/boot.c)
// and its linker scripts to this list.
static const StringRef Levels[] = {
    "console", "early", "0",  "0s",     "1",  "1s", "2",      "2s",
    "3",       "3s",    "4",  "4s",     "5",  "5s", "rootfs", "6",
    "6s",      "7",     "7s", "module", "exit", "module_exit"};

/// The levels after the init ones, whatever is declared.
static const StringRef LoadAndExitLevels[] = {"module", "exit", "module_exit"};

std::string initcallLevel(StringRef Section) {
  if (Section.starts_with(".con_initcall.init"))
    return "console";
  if (Section.starts_with(".exitcall.exit"))
    return "exit";
  StringRef Rest = Section;
  if (!Rest.consume_front(".initcall"))
    return "";
  // ".initcall6s.init" and, under LTO, ".initcall6s.init..<id>".
  size_t Dot = Rest.find(".init");
  StringRef Level = Rest.take_front(Dot);
  StringRef After = Dot == StringRef::npos ? "" : Rest.substr(Dot + 5);
  if (Dot == StringRef::npos || Level.empty() ||
      (!After.empty() && !After.starts_with(".")))
    return Section.str();
  return Level.str();
}

std::string levelSection(StringRef Level) {
  if (Level == "console")
    return ".con_initcall.init";
  if (Level.starts_with("."))
    return Level.str();
  return ".initcall" + Level.str() + ".init";
}

int levelRank(StringRef Level, const DeclaredLevels &Declared) {
  if (Declared.empty()) {
    for (size_t I = 0; I != std::size(Levels); ++I)
      if (Levels[I] == Level)
        return I;
    return -1;
  }
  for (size_t I = 0; I != Declared.size(); ++I)
    if (Declared[I] == Level)
      return I;
  for (size_t I = 0; I != std::size(LoadAndExitLevels); ++I)
    if (LoadAndExitLevels[I] == Level)
      return Declared.size() + I;
  return -1;
}

bool isExitLevel(StringRef Level) {
  return Level == "exit" || Level == "module_exit";
}

bool isInitLevel(StringRef Level, const DeclaredLevels &Declared) {
  return !isExitLevel(Level) && levelRank(Level, Declared) >= 0;
}

std::optional<std::string> checkDeclaredLevels(const DeclaredLevels &Levels) {
  for (size_t I = 0; I != Levels.size(); ++I) {
    StringRef L = Levels[I];
    if (!all_of(L, [](char C) { return isAlnum(C) || C == '_'; }))
      return "'initcall-levels': '" + L.str() +
             "' is no level name (letters, digits and '_', the <name> of "
             ".initcall<name>.init)";
    if (is_contained(LoadAndExitLevels, L))
      return "'initcall-levels': '" + L.str() +
             "' is not an initcall section's level (module init and exit "
             "calls are always known)";
    for (size_t J = 0; J != I; ++J)
      if (Levels[J] == L)
        return "'initcall-levels': '" + L.str() + "' is declared twice";
  }
  return std::nullopt;
}

bool isInitcallFunction(const TuFacts &Facts, unsigned Sym,
                        const DeclaredLevels &Declared) {
  for (const Initcall &C : Facts.Initcalls)
    if (C.Function == Sym && levelRank(C.Level, Declared) >= 0)
      return true;
  return false;
}

} // namespace initcheck
