//===- InitcallTable.cpp - Initcall levels and the order table ------------===//
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/ArrayRef.h"

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

std::string initcallLevel(StringRef Section) {
  if (Section.starts_with(".con_initcall.init"))
    return "console";
  if (Section.starts_with(".exitcall.exit"))
    return "exit";
  if (!Section.consume_front(".initcall"))
    return "";
  // ".initcall6s.init" and, under LTO, ".initcall6s.init..<id>".
  size_t Dot = Section.find(".init");
  if (Dot == StringRef::npos)
    return "";
  StringRef Level = Section.take_front(Dot);
  return levelRank(Level) >= 0 ? Level.str() : "";
}

int levelRank(StringRef Level) {
  for (size_t I = 0; I != std::size(Levels); ++I)
    if (Levels[I] == Level)
      return I;
  return -1;
}

bool isInitLevel(StringRef Level) {
  return Level != "exit" && Level != "module_exit" && levelRank(Level) >= 0;
}

bool isInitcallFunction(const TuFacts &Facts, unsigned Sym) {
  for (const Initcall &C : Facts.Initcalls)
    if (C.Function == Sym)
      return true;
  return false;
}

} // namespace initcheck
