//===- SectionMismatch.cpp - initcheck-section-mismatch -------------------===//
//
// modpost's TEXTDATA_TO_ANY_INIT_EXIT, at source level. In the default
// strict mode every resident section is a source (const data, read-mostly,
// per-cpu ...), and an unannotated static helper is resident only when the
// call graph says it can run after boot. In modpost-compat mode the sources
// are modpost's: .text*, .data, .data.rel, and .pci_fixup_* towards init.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/SectionMismatch.h"
#include "checks/analysis/ModpostWhitelist.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

static bool isSource(const RuleInput &In, unsigned FromIdx, const Symbol &To) {
  const Symbol &From = In.Facts.Symbols[FromIdx];
  if (From.Class == SectionClass::PciFixup)
    return In.Options.ModpostCompat ? To.Class == SectionClass::Init : true;
  if (In.Options.ModpostCompat) {
    // modpost has no call graph, but it never sees code the compiler
    // dropped, nor an inlined helper out of line: its references sit in its
    // callers' sections. Helpers declared inline are assumed inlined, as
    // clang does at -O2 (modpost reports an out-of-line copy when a compiler
    // decides otherwise, ClangBuiltLinux #1301).
    if (In.Reach.isDead(FromIdx))
      return false;
    bool Helper = In.Reach.isHelper(FromIdx) || From.FixedReach;
    if (Helper && (From.AlwaysInline || From.Inline))
      return In.Reach.reach(FromIdx) & ReachResident;
    SectionClass C = modpostClass(From.Class, From.Section);
    return C == SectionClass::Text || C == SectionClass::Data;
  }
  switch (From.Class) {
  case SectionClass::Ref:         // __ref vouches for its references
  case SectionClass::ExportTable: // initcheck-export-init's business
    return false;
  case SectionClass::Head:        // early boot code may use init
    return To.Class == SectionClass::Exit;
  default:
    return In.Reach.reach(FromIdx) & ReachResident;
  }
}

void checkSectionMismatch(const RuleInput &In, FindingSink &Out) {
  const auto &Syms = In.Facts.Symbols;
  for (const Reference &R : In.Facts.Refs) {
    const Symbol &To = Syms[R.To];
    SectionClass ToClass = In.Options.ModpostCompat
                               ? modpostClass(To.Class, To.Section)
                               : To.Class;
    if (ToClass != SectionClass::Init && ToClass != SectionClass::Exit)
      continue;
    const Symbol &From = Syms[R.From];
    if (!isSource(In, R.From, To) || isModpostWhitelisted(From, To, In.Options.ExtraWhitelist))
      continue;
    Finding F = referenceFinding(In, R, lifetimeOf(To), ReachResident);
    // A declared phase guard around it: init code may use init memory (in
    // both modes: strict is never weaker). Exit memory stays an error, as
    // it is for init code.
    if (R.Guard && ToClass == SectionClass::Init) {
      F.By = Vouched::Guarded;
      F.Justification = In.Facts.Guards[R.Guard - 1];
    }
    Out.report(F);
  }
}

} // namespace initcheck
