//===- ProgramRules.cpp - The rules over a joined program -----------------===//
#include "checks/program/ProgramRules.h"

namespace initcheck {
namespace {

/// Findings of a run over a part of the references, their Ref made an
/// index into all of them again.
class RemappingSink : public FindingSink {
public:
  RemappingSink(const std::vector<unsigned> &Index, FindingSink &Out)
      : Index(Index), Out(Out) {}
  void report(const Finding &F) override {
    Finding Mapped = F;
    if (Mapped.Ref)
      Mapped.Ref = Index[*Mapped.Ref];
    Out.report(Mapped);
  }

private:
  const std::vector<unsigned> &Index;
  FindingSink &Out;
};

} // namespace

void runProgramRules(WholeProgram &P, const AnalysisOptions &Options,
                     FindingSink &Out) {
  if (P.RelocationRefOrigin.empty()) {
    runRules(P.Facts, Options, Out);
    return;
  }
  std::vector<Reference> All = std::move(P.Facts.Refs);
  std::vector<Initcall> Initcalls = std::move(P.Facts.Initcalls);
  std::vector<Reference> Part[2];
  std::vector<unsigned> Index[2];
  for (unsigned I = 0; I != All.size(); ++I) {
    bool Relocated =
        P.RelocationRefOrigin[I].first != WholeProgram::NotFromRelocations;
    Part[Relocated].push_back(All[I]);
    Index[Relocated].push_back(I);
  }

  // The facts: the settings, as on facts alone.
  P.Facts.Refs = std::move(Part[0]);
  for (unsigned I = 0; I != Initcalls.size(); ++I)
    if (!P.InitcallFromRelocations[I])
      P.Facts.Initcalls.push_back(Initcalls[I]);
  RemappingSink FromFacts(Index[0], Out);
  runRules(P.Facts, Options, FromFacts);

  // The relocations: what modpost reports. Advice needs the source, and
  // so does an initcall entry's type (the relocations' initcalls are only
  // for the order table).
  AnalysisOptions Compat = Options;
  Compat.ModpostCompat = true;
  for (const RuleInfo &R : allRules())
    if (R.IsAdvice)
      Compat.Disabled.insert(R.Id);
  P.Facts.Refs = std::move(Part[1]);
  P.Facts.Initcalls.clear();
  RemappingSink FromRelocations(Index[1], Out);
  runRules(P.Facts, Compat, FromRelocations);

  P.Facts.Refs = std::move(All);
  P.Facts.Initcalls = std::move(Initcalls);
}

} // namespace initcheck
