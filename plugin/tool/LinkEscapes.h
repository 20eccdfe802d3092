//===- LinkEscapes.h - initcheck link --escapes ------------------*- C++ -*-===//
//
// The escapes that need more than one file (program/JoinedEscapes), as
// `escape` lines after the table, or a JSON "escapes" array.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_LINKESCAPES_H
#define INITCHECK_PLUGIN_TOOL_LINKESCAPES_H

#include "checks/model/Finding.h"
#include "checks/program/JoinedEscapes.h"
#include "checks/program/WholeProgram.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace initcheck {

/// The notes only the joined facts can add to a finding: where a note of
/// its file says a value "is passed to function 'f' ..., which may keep it"
/// and f's file summarized it, what f does with it (the path to where it
/// is kept, or that it keeps nothing, although the finding stands: the
/// table's functions were judged in their own file).
void explainJoinedEscapes(const WholeProgram &P, std::vector<Finding> &Findings);

void printEscapes(const WholeProgram &P, const std::vector<EscapePath> &Paths,
                  llvm::raw_ostream &OS);
void writeEscapesJson(llvm::json::OStream &J, const WholeProgram &P,
                      const std::vector<EscapePath> &Paths);

} // namespace initcheck

#endif
