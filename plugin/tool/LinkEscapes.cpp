//===- LinkEscapes.cpp - initcheck link --escapes -------------------------===//
#include "LinkEscapes.h"
#include "checks/rules/SymbolDescription.h"
#include <map>
#include <tuple>

using namespace llvm;

namespace initcheck {

namespace {
std::string place(const Location &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

/// "the address of __init function 'init_fn'".
std::string value(const TuFacts &F, const Flow &Fl) {
  return (Fl.Contents ? "a copy of " : "the address of ") +
         describeSymbol(F.Symbols[Fl.Value]);
}
} // namespace

void explainJoinedEscapes(const WholeProgram &P,
                          std::vector<Finding> &Findings) {
  const TuFacts &F = P.Facts;
  Escapes E(F);
  std::vector<EscapePath> Paths = joinedEscapes(F, E);
  // The value flows to summarized callees, by their place.
  std::map<std::tuple<std::string, unsigned, unsigned>, unsigned> At;
  for (unsigned I = 0; I != F.Flows.size(); ++I) {
    const Flow &Fl = F.Flows[I];
    if (Fl.Value != NoSymbol && Fl.Sink == FlowSink::Argument &&
        Fl.Target != NoSymbol && E.summarized(Fl.Target))
      At.try_emplace({Fl.Loc.File, Fl.Loc.Line, Fl.Loc.Column}, I);
  }
  if (At.empty())
    return;
  std::map<unsigned, const EscapePath *> PathOf;
  for (const EscapePath &Path : Paths)
    PathOf[Path.Value] = &Path;
  for (Finding &Fd : Findings)
    for (size_t N = 0; N != Fd.Notes.size(); ++N) {
      const Location &L = Fd.Notes[N].Where;
      auto It = At.find({L.File, L.Line, L.Column});
      if (It == At.end())
        continue;
      const Flow &V = F.Flows[It->second];
      std::string Callee = describeSymbol(F.Symbols[V.Target]);
      FindingNote Add;
      auto Kept = PathOf.find(It->second);
      if (Kept == PathOf.end()) {
        Add.Where = L;
        Add.Message = Callee + ", in another file, does not keep it (its "
                      "file's summary); this file judged without that";
      } else {
        const std::vector<unsigned> &Steps = Kept->second->Steps;
        Add.Where = F.Flows[Steps.back()].Loc;
        Add.Message = Callee + ", in another file, keeps it: ";
        for (size_t S = 0; S != Steps.size(); ++S)
          Add.Message += (S ? ", then " : "") + describeFlow(F, F.Flows[Steps[S]]);
        Add.Message += " here";
      }
      Fd.Notes.insert(Fd.Notes.begin() + N + 1, std::move(Add));
      ++N;
    }
}

void printEscapes(const WholeProgram &P, const std::vector<EscapePath> &Paths,
                  raw_ostream &OS) {
  const TuFacts &F = P.Facts;
  for (const EscapePath &E : Paths) {
    const Flow &V = F.Flows[E.Value];
    OS << "escape\t" << place(V.Loc) << ": " << value(F, V) << ", in "
       << describeSymbol(F.Symbols[V.From]) << ", " << describeFlow(F, V);
    for (unsigned S : E.Steps)
      OS << " -> " << place(F.Flows[S].Loc) << ": "
         << describeFlow(F, F.Flows[S]);
    OS << "\n";
  }
}

void writeEscapesJson(json::OStream &J, const WholeProgram &P,
                      const std::vector<EscapePath> &Paths) {
  const TuFacts &F = P.Facts;
  auto Step = [&](const Flow &Fl) {
    J.object([&] {
      J.attribute("function", F.Symbols[Fl.From].Name);
      J.attribute("step", describeFlow(F, Fl));
      J.attribute("file", Fl.Loc.File);
      J.attribute("line", Fl.Loc.Line);
      J.attribute("column", Fl.Loc.Column);
    });
  };
  J.attributeArray("escapes", [&] {
    for (const EscapePath &E : Paths)
      J.object([&] {
        const Flow &V = F.Flows[E.Value];
        J.attribute("value", F.Symbols[V.Value].Name);
        J.attribute("contents", V.Contents);
        J.attributeArray("path", [&] {
          Step(V);
          for (unsigned S : E.Steps)
            Step(F.Flows[S]);
        });
      });
  });
}

} // namespace initcheck
