//===- InitcallTable.h - Initcall levels and the order table ----*- C++ -*-===//
//
// The kernel runs initcalls level by level (init/main.c, vmlinux.lds.h):
// console initcalls from start_kernel() first, then early, 0, 0s, 1, 1s, ... 5,
// 5s, rootfs, 6, 6s, 7, 7s; within a level in link order; within an object
// in the order of its entries. Levels are read from the entry's section, so
// any wrapper around __define_initcall is recognised. A project with levels
// of its own (Xen's presmp) declares them and their order
// (initcall-levels=presmp,1; docs/usage-plugin.md#initcall-levels).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITCALLTABLE_H
#define INITCHECK_CHECKS_INITCALLTABLE_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace initcheck {

/// The init-time levels a project runs, in run order, as the
/// initcall-levels setting declares them; empty: the kernel's.
using DeclaredLevels = std::vector<std::string>;

/// The level an initcall table entry in \p Section names, whether declared
/// or not: "presmp" for ".initcallpresmp.init" and LTO's
/// ".initcallpresmp.init..<id>", "console" for ".con_initcall.init", "exit"
/// for ".exitcall.exit". A table section of no such shape (".initcall_x")
/// is its own level, the section name, which no declaration can name. Empty
/// when \p Section is no initcall table.
std::string initcallLevel(llvm::StringRef Section);

/// The section of the entries of init level \p Level (".initcall1.init"),
/// the one an undeclared level is reported by.
std::string levelSection(llvm::StringRef Level);

/// The position of \p Level in the order \p Declared (or the kernel) runs
/// levels; module init, exit and module exit levels sort last. -1 for a
/// level that is not declared.
int levelRank(llvm::StringRef Level, const DeclaredLevels &Declared);

/// True for the exit levels: "exit" (.exitcall.exit) and "module_exit".
bool isExitLevel(llvm::StringRef Level);

/// True for the levels whose entries run at init: declared ones and a
/// module's init.
bool isInitLevel(llvm::StringRef Level, const DeclaredLevels &Declared);

/// What is wrong with \p Levels as a declaration (a name that is no section
/// word, a reserved or repeated one), or nothing.
std::optional<std::string> checkDeclaredLevels(const DeclaredLevels &Levels);

/// True when \p Sym is the function of an initcall or exitcall entry of a
/// declared level (initcheck-initcall-not-init gives its advice, so
/// initcheck-init-only-helper does not repeat it).
bool isInitcallFunction(const TuFacts &Facts, unsigned Sym,
                        const DeclaredLevels &Declared);

} // namespace initcheck

#endif
