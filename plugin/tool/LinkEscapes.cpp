//===- LinkEscapes.cpp - initcheck link --escapes -------------------------===//
#include "LinkEscapes.h"
#include "checks/rules/SymbolDescription.h"

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
