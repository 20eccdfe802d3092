//===- OrderTable.cpp - The initcall order table, written and read --------===//
#include "checks/reports/OrderTable.h"
#include "checks/model/InitcallTable.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace initcheck {

void writeOrderTable(json::OStream &J, const WholeProgram &P) {
  J.attributeArray("initcalls", [&] {
    for (unsigned I : initcallOrder(P)) {
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

Expected<std::vector<OrderedCall>> readOrderTable(StringRef Path) {
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
  std::vector<OrderedCall> Calls;
  for (const json::Value &V : *Initcalls) {
    const json::Object *Entry = V.getAsObject();
    std::optional<StringRef> Level =
        Entry ? Entry->getString("level") : std::nullopt;
    std::optional<StringRef> Function =
        Entry ? Entry->getString("function") : std::nullopt;
    if (!Level || !Function || levelRank(*Level) < 0)
      return NotATable("entry " + Twine(Calls.size() + 1) +
                       " has no known \"level\" and \"function\"");
    if (isInitLevel(*Level))
      Calls.push_back({Level->str(), Function->str()});
  }
  return Calls;
}

bool isTraceLine(StringRef Line) {
  return Line.starts_with("calling  ") || Line.starts_with("initcall ") ||
         Line.starts_with("exitcall ") ||
         Line.starts_with("Freeing unused init memory: ");
}

std::vector<OrderedCall> initcallsRan(StringRef Trace) {
  std::vector<OrderedCall> Calls;
  SmallVector<StringRef, 64> Lines;
  Trace.split(Lines, '\n');
  for (StringRef Line : Lines) {
    if (!Line.consume_front("calling  "))
      continue;
    auto [Function, Level] = Line.rsplit(" @ ");
    if (Level == Line || !isInitLevel(Level))
      continue;
    if (Level == "module" && Function.ends_with("]"))
      Function = Function.take_front(Function.rfind(" ["));
    Calls.push_back({Level.str(), Function.str()});
  }
  return Calls;
}

} // namespace initcheck
