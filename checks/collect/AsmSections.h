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

/// The symbols an inline asm template inside a function names in its own
/// code: instruction operands (`call early_fixup`, `mov $tbl, %rax`) and
/// data directives, outside any .section/.pushsection switch (what those
/// emit belongs to another section, not to the function). Operands written
/// `%0`, `%[name]`, `%c[name]` and registers are not names.
std::vector<std::string> asmTemplateSymbols(llvm::StringRef Template);

} // namespace initcheck

#endif
