//===- OrderTable.cpp - The initcall order table, written and read --------===//
#include "checks/reports/OrderTable.h"
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace initcheck {

void writeOrderTable(json::OStream &J, const WholeProgram &P,
                     const DeclaredLevels &Declared) {
  if (!Declared.empty())
    J.attributeArray("initcall-levels", [&] {
      for (const std::string &L : Declared)
        J.value(L);
    });
  J.attributeArray("initcalls", [&] {
    for (unsigned I : initcallOrder(P, Declared)) {
      const Initcall &C = P.Facts.Initcalls[I];
      const Symbol &Entry = P.Facts.Symbols[C.Entry];
      J.object([&] {
        J.attribute("level", C.Level);
        J.attribute("function", P.Facts.Symbols[C.Function].Name);
        J.attribute("file", Entry.Loc.File);
        J.attribute("line", Entry.Loc.Line);
        J.attribute("entry", Entry.Name);
        J.attribute("object", P.InitcallObject[I]);
      });
    }
  });
}

/// The table's "initcall-levels", checked as the setting is.
static Expected<DeclaredLevels> readLevels(const json::Object &Root) {
  DeclaredLevels Levels;
  const json::Value *V = Root.get("initcall-levels");
  if (!V)
    return Levels;
  const json::Array *A = V->getAsArray();
  for (size_t I = 0; A && I != A->size(); ++I) {
    std::optional<StringRef> L = (*A)[I].getAsString();
    if (!L)
      break;
    Levels.push_back(L->str());
  }
  if (!A || Levels.size() != A->size() || Levels.empty())
    return createStringError("\"initcall-levels\" is no list of names");
  if (std::optional<std::string> Err = checkDeclaredLevels(Levels))
    return createStringError(*Err);
  return Levels;
}

Expected<OrderTable> readOrderTable(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(),
                             Path + ": " + Buf.getError().message());
  auto NotATable = [&](const Twine &Why) {
    return createStringError(Path +
                             ": not an `initcheck link --format=json` "
                             "table: " +
                             Why);
  };
  Expected<json::Value> Doc = json::parse((*Buf)->getBuffer());
  if (!Doc)
    return NotATable(toString(Doc.takeError()));
  const json::Object *Root = Doc->getAsObject();
  const json::Array *Initcalls = Root ? Root->getArray("initcalls") : nullptr;
  if (!Initcalls)
    return NotATable("no \"initcalls\" array");
  Expected<DeclaredLevels> Levels = readLevels(*Root);
  if (!Levels)
    return NotATable(toString(Levels.takeError()));
  std::vector<OrderedCall> Calls;
  for (const json::Value &V : *Initcalls) {
    const json::Object *Entry = V.getAsObject();
    std::optional<StringRef> Level =
        Entry ? Entry->getString("level") : std::nullopt;
    std::optional<StringRef> Function =
        Entry ? Entry->getString("function") : std::nullopt;
    if (!Level || !Function || levelRank(*Level, *Levels) < 0)
      return NotATable("entry " + Twine(Calls.size() + 1) +
                       " has no known \"level\" and \"function\"");
    if (isInitLevel(*Level, *Levels))
      Calls.push_back({Level->str(), Function->str()});
  }
  return OrderTable{std::move(*Levels), std::move(Calls)};
}

bool isTraceLine(StringRef Line) {
  return Line.starts_with("calling  ") || Line.starts_with("initcall ") ||
         Line.starts_with("exitcall ") ||
         Line.starts_with("Freeing unused init memory: ");
}

std::vector<OrderedCall> initcallsRan(StringRef Trace,
                                      const DeclaredLevels &Declared) {
  std::vector<OrderedCall> Calls;
  SmallVector<StringRef, 64> Lines;
  Trace.split(Lines, '\n');
  for (StringRef Line : Lines) {
    if (!Line.consume_front("calling  "))
      continue;
    auto [Function, Level] = Line.rsplit(" @ ");
    if (Level == Line || !isInitLevel(Level, Declared))
      continue;
    if (Level == "module" && Function.ends_with("]"))
      Function = Function.take_front(Function.rfind(" ["));
    Calls.push_back({Level.str(), Function.str()});
  }
  return Calls;
}

} // namespace initcheck
