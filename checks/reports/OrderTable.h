//===- OrderTable.h - The initcall order table, written and read -*- C++ -*-===//
//
// The contract between `initcheck link` and `initcheck run`: link writes
// the order table (the "initcalls" array of --format=json), run reads it
// back and compares it with the runtime's trace ("calling  FN @ LEVEL",
// runtime/src/boot.c). docs/usage-link.md and docs/runtime.md describe
// both formats.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_REPORTS_ORDERTABLE_H
#define INITCHECK_CHECKS_REPORTS_ORDERTABLE_H

#include "checks/program/WholeProgram.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace initcheck {

/// The "initcalls" attribute of link's JSON document: every initcall in
/// the order the kernel runs them (initcallOrder), with its entry's place;
/// before it, when the project declared its levels, "initcall-levels".
void writeOrderTable(llvm::json::OStream &J, const WholeProgram &P,
                     const DeclaredLevels &Declared);

/// One initcall: the level and the function, as the table names them.
struct OrderedCall {
  std::string Level;
  std::string Function;
};

/// A `initcheck link --format=json` table read back.
struct OrderTable {
  DeclaredLevels Levels; ///< Its "initcall-levels"; empty: the kernel's.
  std::vector<OrderedCall> Calls;
};

/// The init levels of a `initcheck link --format=json` table, in order.
/// Exit calls (levels exit and module_exit) are left out: the order check
/// is about initcalls.
llvm::Expected<OrderTable> readOrderTable(llvm::StringRef Path);

/// The runtime's trace lines: initcall_debug's "calling  FN @ LEVEL", with
/// " [MODULE]" after a module's functions, as the kernel's %pS prints them.
bool isTraceLine(llvm::StringRef Line);

/// The initcalls a trace says ran, in order (init levels of \p Declared
/// only).
std::vector<OrderedCall> initcallsRan(llvm::StringRef Trace,
                                      const DeclaredLevels &Declared);

} // namespace initcheck

#endif
