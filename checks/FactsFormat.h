//===- FactsFormat.h - TuFacts in an object file ----------------*- C++ -*-===//
//
// The plugin stores each translation unit's facts in its object file, in a
// section `ld -r` concatenates and final links drop. One record per
// translation unit:
//
//   "ICFACTS" '\0'  magic (8 bytes)
//   u32 version     FactsFormatVersion
//   u32 size        bytes of payload that follow
//   u32 raw size    payload size before zlib; 0 = stored uncompressed
//   payload         string table, symbols, references, initcalls (varints)
//
// Records may be separated by zero padding (section alignment), so a
// reader skips zero bytes between records. See docs/facts-format.md.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FACTSFORMAT_H
#define INITCHECK_CHECKS_FACTSFORMAT_H

#include "checks/Facts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace clang {
class SourceManager;
}

namespace initcheck {

/// The section the facts live in. modpost warns about every non-allocated
/// section outside its whitelist; ".discard.*" is on it, and the kernel's
/// final link discards it too.
inline constexpr llvm::StringLiteral FactsSectionName = ".discard.initcheck";
/// Bumped whenever the encoding changes; a reader accepts only its own.
inline constexpr uint32_t FactsFormatVersion = 2;

/// Fill every Location's File/Line/Column from its SourceLocation, so the
/// facts outlive the AST.
void resolveLocations(TuFacts &Facts, const clang::SourceManager &SM);

/// One framed record for \p Facts (locations must be resolved).
std::string encodeFacts(const TuFacts &Facts);

/// Every record in \p Section, in order. A wrong magic, a newer version or
/// a truncated record is an error naming the problem.
llvm::Expected<std::vector<TuFacts>> decodeFacts(llvm::StringRef Section);

/// A file-scope asm statement that places \p Record in FactsSectionName.
std::string factsAsm(llvm::StringRef Record);

} // namespace initcheck

#endif
