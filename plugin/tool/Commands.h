//===- Commands.h - The subcommands of the initcheck tool -------*- C++ -*-===//
#ifndef INITCHECK_PLUGIN_TOOL_COMMANDS_H
#define INITCHECK_PLUGIN_TOOL_COMMANDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace initcheck {

/// `initcheck link [--format=text|json] [-o FILE] [SETTING...] OBJ...`.
/// Exit status: 0 clean, 1 mismatches, 2 bad input (nothing written).
int runLink(llvm::ArrayRef<llvm::StringRef> Args);

} // namespace initcheck

#endif
