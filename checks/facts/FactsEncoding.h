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
  // The Symbol's own (model/SymbolFlags.def).
#define SYMBOL_FLAG(Field, Flag, Bit) Flag = Bit,
#include "checks/model/SymbolFlags.def"
  // The encoding's: what the record leaves out.
  FlagIdentifierIsName = 512,   ///< Identifier == Name (C): not stored.
  FlagLinkNameIsIdentifier = 1024, ///< LinkName == Identifier: not stored.
  FlagNoAnnotationLoc = 2048,   ///< AnnotationLoc == Loc: not stored.
};

} // namespace initcheck

#endif
