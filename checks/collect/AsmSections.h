//===- AsmSections.h - Symbol references in file-scope asm ------*- C++ -*-===//
//
// On x86_64 and arm64 the kernel emits initcall entries and EXPORT_SYMBOL
// records as top-level asm (`.section ".initcall6.init","a"` ...
// `.long fn - .`), so the references that matter most never appear as C
// expressions. This reads just enough assembler to find them.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_ASMSECTIONS_H
#define INITCHECK_CHECKS_ASMSECTIONS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace initcheck {

/// A run of data directives in one section, under the last label seen.
struct AsmDataBlock {
  std::string Section;
  std::string Label;
  std::vector<std::string> Symbols; ///< Referenced in .long/.quad/... operands.
};

/// Parse a file-scope asm string. Blocks without symbol references are
/// dropped. \p InitialSection is where the assembler starts (".text").
std::vector<AsmDataBlock> parseAsmDataBlocks(llvm::StringRef Asm,
                                             llvm::StringRef InitialSection);

} // namespace initcheck

#endif
