//===- InitEscape.cpp - initcheck-init-escape -----------------------------===//
//
// The findings of the escape analysis (analysis/Escapes, Escape): one per
// value kept, at the place where init code hands it on, with notes at the
// store, at the annotation and at the resident reader. Proven (an error)
// when a reader was found.
//
//===----------------------------------------------------------------------===//
#include "checks/rules/InitEscape.h"
#include "checks/model/KernelApis.h"
#include "checks/rules/SymbolDescription.h"

namespace initcheck {

static std::string quoted(const std::string &S) { return "'" + S + "'"; }

/// "stored into 'ops.handler'", "copied into 'ops' with __initconst
/// variable 'tmpl'", "kept by 'register_reboot_notifier'".
static std::string whereKept(const TuFacts &Facts, const Escape &E) {
  const auto &Syms = Facts.Symbols;
  switch (E.How) {
  case Escape::Store:
    return "stored into " + quoted(Syms[E.Storage].Name + E.Field);
  case Escape::TemplateCopy:
    return "copied into " + quoted(Syms[E.Storage].Name + E.Field) +
           " with " + describeSymbol(Syms[E.Template]);
  case Escape::Registration:
    break;
  }
  return "kept by the kernel through " + quoted(E.Through);
}

/// A reader that is a kernel API (model/KernelApis.h): it keeps the
/// object and calls what it holds.
static bool isApi(const Symbol &R) { return isKernelApi(R.Identifier); }

static std::string readerText(const TuFacts &Facts, const Escape &E) {
  if (E.Reader == NoSymbol)
    return "it can be used after that";
  const Symbol &R = Facts.Symbols[E.Reader];
  if (isApi(R) || R.Kind != SymbolKind::Function)
    return quoted(R.Name) + " keeps it and calls it after that";
  return describeSymbol(R) + (E.ReaderCalls ? " calls" : " reads") +
         " it after that";
}

static FindingNote readerNote(const TuFacts &Facts, const Escape &E) {
  const Symbol &R = Facts.Symbols[E.Reader];
  if (E.Storage == NoSymbol)
    return {E.ReadAt, quoted(R.Name) + " keeps it here and calls it later"};
  std::string Kept = quoted(Facts.Symbols[E.Storage].Name);
  if (isApi(R))
    return {E.ReadAt, Kept + " is handed to " + quoted(R.Name) +
                          " here, which keeps it and calls what it holds"};
  return {E.ReadAt,
          quoted(R.Name) + (E.ReaderCalls ? " calls through " : " reads ") +
              quoted(Facts.Symbols[E.Storage].Name + E.ReadField) +
              (E.ReaderAtExit
                   ? " here, in exit code, which runs after init memory is "
                     "freed"
                   : " here, in resident code")};
}

void checkInitEscape(const RuleInput &In, FindingSink &Out) {
  // modpost follows no values: nothing of it to mirror.
  if (In.Options.ModpostCompat)
    return;
  const auto &Syms = In.Facts.Symbols;
  for (const Escape &E : In.Reach.escapes().escapes()) {
    const Symbol &V = Syms[E.Value];
    Finding F;
    F.Where = E.Named.isKnown() ? E.Named : E.Where;
    F.Proven = E.Reader != NoSymbol;
    F.Message = describeSymbol(Syms[E.Origin]) + " keeps " +
                describeSymbol(V) + " in memory that outlives it: " +
                whereKept(In.Facts, E);
    if (E.How != Escape::Registration && !E.Through.empty())
      F.Message += " through " + quoted(E.Through);
    F.Message += ", and " + lifetimeOf(V) + "; " + readerText(In.Facts, E);
    if (E.InFunction != E.Origin)
      F.Notes.push_back(
          {E.Where, E.How == Escape::Registration
                        ? "kept here, in " + describeSymbol(Syms[E.InFunction])
                        : "stored here, in " +
                              describeSymbol(Syms[E.InFunction])});
    F.Notes.push_back(annotationNote(V));
    if (E.Reader != NoSymbol && E.ReadAt.isKnown())
      F.Notes.push_back(readerNote(In.Facts, E));
    Out.report(F);
  }
}

} // namespace initcheck
