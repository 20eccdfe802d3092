//===- Commands.h - The subcommands of the initcheck tool -------*- C++ -*-===//
#ifndef INITCHECK_PLUGIN_TOOL_COMMANDS_H
#define INITCHECK_PLUGIN_TOOL_COMMANDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace initcheck {

/// `initcheck link [--format=text|json] [-o FILE] [SETTING...] OBJ...`.
/// Exit status: 0 clean, 1 mismatches, 2 bad input (nothing written).
int runLink(llvm::ArrayRef<llvm::StringRef> Args);

/// `initcheck check [-p BUILD_DIR] [--format=text|json|sarif] [-o FILE]
/// [SETTING...] FILE... [-- FLAGS...]`: the rules on source files, with the
/// compile commands of compile_commands.json or fixed flags.
/// Exit status: 0 clean, 1 errors, 2 bad usage or input.
int runCheck(llvm::ArrayRef<llvm::StringRef> Args);

/// `initcheck cc [SETTING...] FLAGS... FILE`: the kernel's $(CHECK)
/// (`make C=1 CHECK="initcheck cc"`), runCheck on FILE with FLAGS.
int runCc(llvm::ArrayRef<llvm::StringRef> Args);

/// `initcheck run [--expect-order TABLE.json] [--module M.so]...
/// [--trace FILE] [--] PROG [ARGS...]`: PROG with the runtime's trace, its
/// order checked against `initcheck link --format=json`'s table.
/// Exit status: PROG's, 2 bad usage or input, 3 the order differs.
int runRun(llvm::ArrayRef<llvm::StringRef> Args);

/// `initcheck findings [--format=tsv|sarif] [-o FILE] [LOG...]`: the
/// initcheck diagnostics of compiler output, deduplicated, one per line
/// with their fingerprints, or as one SARIF document (a build's baseline).
/// Exit status: 0, 2 bad usage or an unreadable input (nothing written).
int runFindings(llvm::ArrayRef<llvm::StringRef> Args);

} // namespace initcheck

#endif
