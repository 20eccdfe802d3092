//===- LinkEscapes.h - initcheck link --escapes ------------------*- C++ -*-===//
//
// The escapes that need more than one file (program/JoinedEscapes), as
// `escape` lines after the table, or a JSON "escapes" array.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_LINKESCAPES_H
#define INITCHECK_PLUGIN_TOOL_LINKESCAPES_H

#include "checks/program/JoinedEscapes.h"
#include "checks/program/WholeProgram.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace initcheck {

void printEscapes(const WholeProgram &P, const std::vector<EscapePath> &Paths,
                  llvm::raw_ostream &OS);
void writeEscapesJson(llvm::json::OStream &J, const WholeProgram &P,
                      const std::vector<EscapePath> &Paths);

} // namespace initcheck

#endif
