//===- Initcalls.cpp - The initcall and exitcall table of a unit ----------===//
//
// Entries are read from their section, so any wrapper around
// __define_initcall is recognised (model/InitcallTable has the levels).
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

void Collector::extractInitcalls() {
  struct Found {
    SourceLocation Loc;
    size_t Seen; ///< Discovery order breaks ties (one asm, many entries).
    Initcall Call;
  };
  std::vector<Found> All;
  for (const Reference &R : Facts.Refs) {
    const Symbol &Entry = Facts.Symbols[R.From];
    if ((Entry.Class != SectionClass::InitTable &&
         Entry.Class != SectionClass::ExitTable) ||
        Facts.Symbols[R.To].Kind != SymbolKind::Function)
      continue;
    // Under -DMODULE the entries are the init_module/cleanup_module aliases.
    std::string Level = Entry.Identifier == "init_module"      ? "module"
                        : Entry.Identifier == "cleanup_module" ? "module_exit"
                                                   : initcallLevel(Entry.Section);
    if (Level.empty())
      continue;
    All.push_back({SM.getFileLoc(R.Loc.Loc), All.size(),
                   {Level, R.From, ltoStubTarget(R.To), 0}});
  }
  llvm::sort(All, [&](const Found &A, const Found &B) {
    if (A.Loc != B.Loc && A.Loc.isValid() && B.Loc.isValid())
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    return A.Seen < B.Seen;
  });
  for (Found &F : All) {
    F.Call.Position = Facts.Initcalls.size();
    Symbol &Fn = Facts.Symbols[F.Call.Function];
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(SymbolDecls[F.Call.Function]))
      Fn.Type = FD->getType().getAsString(Ctx.getPrintingPolicy());
    Facts.Initcalls.push_back(std::move(F.Call));
  }
}

unsigned Collector::ltoStubTarget(unsigned Fn) {
  if (!StringRef(Facts.Symbols[Fn].Identifier).starts_with("__initstub__"))
    return Fn;
  std::optional<unsigned> Callee;
  for (const Reference &R : Facts.Refs)
    if (R.From == Fn && R.Kind == RefKind::Call) {
      if (Callee)
        return Fn;
      Callee = R.To;
    }
  return Callee.value_or(Fn);
}

} // namespace collect
} // namespace initcheck
