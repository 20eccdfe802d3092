//===- ExportInit.cpp - initcheck-export-init -----------------------------===//
//
// modpost's check_export_symbol(): an exported symbol can be used by any
// module loaded later, long after init memory is gone. Exports are seen
// where EXPORT_SYMBOL puts them: the .export_symbol asm record of Linux
// >= 6.5, or a __ksymtab* object of older kernels.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/ExportInit.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

void checkExportInit(const RuleInput &In, FindingSink &Out) {
  // modpost checks exports only with -M (CONFIG_MODULES). Strict mode
  // reports anyway: the export breaks as soon as modules are enabled.
  if (In.Options.ModpostCompat && In.Facts.KernelWithoutModules)
    return;
  const auto &Syms = In.Facts.Symbols;
  for (const Reference &R : In.Facts.Refs) {
    const Symbol &From = Syms[R.From], &To = Syms[R.To];
    SectionClass ToClass = In.Options.ModpostCompat
                               ? modpostClass(To.Class, To.Section)
                               : To.Class;
    if (From.Class != SectionClass::ExportTable ||
        (ToClass != SectionClass::Init && ToClass != SectionClass::Exit))
      continue;
    // Except __init_or_module: init only while there are no modules to use
    // the export, and resident (no finding) once modules are enabled, so
    // right in both configurations (drivers/base/platform.c).
    if (To.InitOrModule && In.Facts.KernelWithoutModules)
      continue;
    llvm::StringRef Macro =
        canonicalAnnotation(To.Section, To.Kind == SymbolKind::Function);
    Finding F;
    F.Where = R.Loc;
    F.Ref = &R - In.Facts.Refs.data();
    F.Message = "EXPORT_SYMBOL of " + describeSymbol(To) + ": " +
                lifetimeOf(To) + "; remove " +
                (Macro.empty() ? std::string("the section attribute")
                               : Macro.str()) +
                " or EXPORT_SYMBOL";
    F.Notes.push_back(annotationNote(To));
    Out.report(F);
  }
}

} // namespace initcheck
