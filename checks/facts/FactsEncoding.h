//===- FactsEncoding.h - Shared details of the facts record ------*- C++ -*-===//
//
// What the encoder (FactsFormat.cpp, in the plugin) and the decoder
// (FactsDecode.cpp, in `initcheck link`) must agree on. See
// docs/facts-format.md.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FACTSENCODING_H
#define INITCHECK_CHECKS_FACTSENCODING_H

#include "llvm/ADT/StringRef.h"

namespace initcheck {

inline const llvm::StringRef FactsMagic("ICFACTS\0", 8);

enum SymbolFlags : unsigned {
  FlagExplicit = 1,
  FlagDefined = 2,
  FlagInternal = 4,
  FlagRetained = 8,
  FlagAlwaysInline = 16,
  FlagConst = 32,
  FlagSystemHeader = 64,
  FlagIntVoid = 128,
  FlagVoidVoid = 256,
  FlagIdentifierIsName = 512,   ///< Identifier == Name (C): not stored.
  FlagLinkNameIsIdentifier = 1024, ///< LinkName == Identifier: not stored.
  FlagNoAnnotationLoc = 2048,   ///< AnnotationLoc == Loc: not stored.
  FlagWeak = 4096,
  FlagInline = 8192,
  /// Symbol::InitOrModule. Older records lack it: read as "not", which
  /// only keeps a finding, so the version stays.
  FlagInitOrModule = 16384,
};

} // namespace initcheck

#endif
