//===- AtomicFile.h - Replace a file in one step ----------------*- C++ -*-===//
//
// Every file a front writes (SARIF, JSON, an order table, a trace) goes
// through here, so no reader ever sees half a report, and a special file
// or symlink in the way is never clobbered by a partial write.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_REPORTS_ATOMICFILE_H
#define INITCHECK_CHECKS_REPORTS_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace initcheck {

/// Write \p Content to \p Path atomically (a temporary file in the same
/// directory, then rename): readers see the old file or the whole new one.
/// A path that is not a regular file (a symlink, /dev/null, a FIFO,
/// /dev/stdout) is written through instead, never replaced.
/// Returns a one-line error naming the file, or nothing on success.
std::optional<std::string> writeFileAtomically(llvm::StringRef Path,
                                               llvm::StringRef Content);

} // namespace initcheck

#endif
