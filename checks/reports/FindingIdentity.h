//===- FindingIdentity.h - What a finding is, wherever it sits --*- C++ -*-===//
//
// A finding's identity survives the code moving around it: the rule, the
// file, the subject (the symbols the message names) and its rank among the
// findings of the same rule, file and subject, never its line. One
// implementation for every consumer: SARIF `partialFingerprints`, the JSON
// outputs, `initcheck findings` (the build-log form the kernel
// classification in test/kernel/ keys on) and baselines.
// docs/sarif.md#fingerprints defines it.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FINDINGIDENTITY_H
#define INITCHECK_CHECKS_FINDINGIDENTITY_H

#include "checks/model/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace initcheck {

/// What a message is about: "from -> to" for a reference ("function 'f'
/// references __init function 'g'"), else the first name it quotes, else
/// the message itself.
std::string findingSubject(llvm::StringRef Message);

/// The file as the identity spells it: "./" and "a/./b" folded, and a file
/// under the working directory named relative to it, so that a front that
/// prints absolute names and one that prints relative ones agree.
std::string identityFile(llvm::StringRef File);

/// The fields of one finding that make its identity.
struct FindingKey {
  llvm::StringRef Rule;
  std::string File;    ///< identityFile()
  std::string Subject; ///< findingSubject()
  unsigned Line = 0, Column = 0;
};

/// One fingerprint per key, in order: "<16 hex digits>:<rank>", the hex a
/// SHA-1 of "v1\0RULE\0FILE\0SUBJECT", the rank (from 1) the key's place
/// among the keys with the same rule, file and subject, by line and column.
std::vector<std::string> fingerprints(llvm::ArrayRef<FindingKey> Keys);

/// The same for findings whose locations are resolved; a baseline's absent
/// results (Finding::Baseline) keep the fingerprint the baseline gave them.
std::vector<std::string> fingerprints(llvm::ArrayRef<Finding> Findings);

} // namespace initcheck

#endif
