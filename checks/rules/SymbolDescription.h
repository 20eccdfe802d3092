//===- SymbolDescription.h - How diagnostics name things --------*- C++ -*-===//
//
// Shared wording, so every rule and every front says "__init function
// 'setup_hw'" the same way.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_SYMBOLDESCRIPTION_H
#define INITCHECK_CHECKS_SYMBOLDESCRIPTION_H

#include "checks/model/Finding.h"
#include "checks/analysis/Residency.h"
#include "checks/rules/Rules.h"
#include <optional>
#include <string>

namespace initcheck {

/// "function 'f'", "__init function 'g'", "__initdata variable 'buf'",
/// "variable 'v' in section '.data..read_mostly'", "initcall entry 'x'".
std::string describeSymbol(const Symbol &S);

/// Why a reference to \p Target is fatal: ".init.text is freed after boot".
std::string lifetimeOf(const Symbol &Target);

/// The note at the declaration that carries the annotation.
FindingNote annotationNote(const Symbol &Target);

/// `initcheck link`'s note at \p Where, a declaration of \p Target without
/// its annotation: "so this file could not see the mismatch".
FindingNote plainDeclarationNote(const Symbol &Target, const Location &Where);

/// `initcheck link`'s note for a \p Target the build moved after
/// compiling (from \p CompiledSection; \p Object has it in its Section).
FindingNote movedByObjectNote(const Symbol &Target,
                              llvm::StringRef CompiledSection,
                              llvm::StringRef Object);

/// Notes that explain why init or exit table \p Table does not keep what
/// it holds in its phase: where it is copied, passed or returned, or that
/// it is external, or the table that holds it (Escapes).
void explainUnsealed(const RuleInput &In, unsigned Table,
                     std::vector<FindingNote> &Notes);

/// Notes that explain why helper \p Sym runs in phase \p Bit, following the
/// chain of helpers back to annotated code ("'h' is called by ... here").
void explainReach(const RuleInput &In, unsigned Sym, ReachBits Bit,
                  std::vector<FindingNote> &Notes);

/// The finding for reference \p R: "<user> references <target>: <Why>",
/// with notes that explain why the user runs in \p Phase (for helpers,
/// unless in modpost-compat mode) and where the target was annotated.
Finding referenceFinding(const RuleInput &In, const Reference &R,
                         const std::string &Why,
                         ReachBits Phase);

/// The annotation that places \p S in the memory of \p Phase (init, exit
/// or __ref): "__init", "__initdata", "__initconst", "__exit",
/// "__exitdata", "__ref", "__refdata", "__refconst"; empty when none fits.
std::string annotationFor(const Symbol &S, ReachBits Phase);

/// A fix-it that adds \p Annotation to \p S, spelled with the project's
/// macro when it has one, else as a section attribute. None when no safe
/// insertion point is known.
std::optional<FixIt> annotateFixIt(const TuFacts &Facts, const Symbol &S,
                                   llvm::StringRef Annotation);

} // namespace initcheck

#endif
