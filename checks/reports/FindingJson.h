//===- FindingJson.h - A finding in initcheck's own JSON --------*- C++ -*-===//
//
// One shape for `initcheck check` and `initcheck link` (SARIF is
// checks/Sarif.h). Notes carry no column: distcc compiles preprocessed text,
// which moves columns after macros, and whole-program output must not
// depend on how the objects were built.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FINDINGJSON_H
#define INITCHECK_CHECKS_FINDINGJSON_H

#include "checks/model/Finding.h"
#include "llvm/Support/JSON.h"

namespace initcheck {

/// {"rule", "level", "file", "line", "column", "message", "subject",
///  "fingerprint", "notes": [{"file", "line", "message"}]}; the subject and
/// \p Fingerprint as checks/FindingIdentity.h makes them.
void writeFindingJson(llvm::json::OStream &J, const Finding &F,
                      llvm::StringRef Fingerprint);

} // namespace initcheck

#endif
