//===- InitcallTable.h - Initcall levels and the order table ----*- C++ -*-===//
//
// The kernel runs initcalls level by level (init/main.c, vmlinux.lds.h):
// console initcalls from start_kernel() first, then early, 0, 0s, 1, 1s, ... 5,
// 5s, rootfs, 6, 6s, 7, 7s; within a level in link order; within an object
// in the order of its entries. Levels are read from the entry's section, so
// any wrapper around __define_initcall is recognised.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_INITCALLTABLE_H
#define INITCHECK_CHECKS_INITCALLTABLE_H

#include "checks/model/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace initcheck {

/// The level of an initcall table entry in \p Section: "early", "0".."7",
/// "0s".."7s", "rootfs", "console" or "exit"; empty when \p Section is no
/// initcall table.
std::string initcallLevel(llvm::StringRef Section);

/// The position of \p Level in the order the kernel runs levels; exit and
/// module levels sort last. -1 for an unknown level.
int levelRank(llvm::StringRef Level);

/// True for levels whose entries run at init (everything but exit ones).
bool isInitLevel(llvm::StringRef Level);

/// True when \p Sym is the function of an initcall or exitcall entry
/// (initcheck-initcall-not-init gives its advice, so
/// initcheck-init-only-helper does not repeat it).
bool isInitcallFunction(const TuFacts &Facts, unsigned Sym);

} // namespace initcheck

#endif
