//===- Baseline.cpp - Accepted findings, from a SARIF file we wrote -------===//
#include "checks/program/Baseline.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace initcheck {

/// The file a SARIF artifact URI names: the inverse of reports/Sarif.cpp's
/// sarifUri (a relative reference, or file:// for an absolute path).
static std::optional<std::string> fileOfUri(StringRef Uri) {
  Uri.consume_front("file://");
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] != '%') {
      Out += Uri[I];
      continue;
    }
    unsigned Byte;
    if (I + 2 >= Uri.size() || Uri.substr(I + 1, 2).getAsInteger(16, Byte))
      return std::nullopt;
    Out += char(Byte);
    I += 2;
  }
  return Out;
}

/// One result into \p Out; a problem, or nothing.
static std::optional<std::string> readResult(const json::Object &R,
                                             std::vector<Baseline::Entry> &Out) {
  if (std::optional<StringRef> State = R.getString("baselineState"))
    if (*State == "absent")
      return std::nullopt;
  Baseline::Entry E;
  const json::Object *Prints = R.getObject("partialFingerprints");
  std::optional<StringRef> Print =
      Prints ? Prints->getString(FingerprintKey) : std::nullopt;
  if (!Print || Print->empty())
    return "a result without partialFingerprints[\"" + FingerprintKey.str() +
           "\"] (not written by initcheck?)";
  E.Fingerprint = Print->str();
  if (std::optional<StringRef> Rule = R.getString("ruleId"))
    E.RuleId = Rule->str();
  if (const json::Object *M = R.getObject("message"))
    if (std::optional<StringRef> Text = M->getString("text"))
      E.Message = Text->str();
  if (const json::Array *Locs = R.getArray("locations"))
    if (!Locs->empty())
      if (const json::Object *L = (*Locs)[0].getAsObject())
        if (const json::Object *P = L->getObject("physicalLocation")) {
          if (const json::Object *A = P->getObject("artifactLocation"))
            if (std::optional<StringRef> Uri = A->getString("uri")) {
              std::optional<std::string> File = fileOfUri(*Uri);
              if (!File)
                return "a bad URI '" + Uri->str() + "'";
              E.Where.File = *File;
            }
          if (const json::Object *Region = P->getObject("region")) {
            E.Where.Line = Region->getInteger("startLine").value_or(0);
            E.Where.Column = Region->getInteger("startColumn").value_or(0);
          }
        }
  Out.push_back(std::move(E));
  return std::nullopt;
}

std::optional<std::string> readBaseline(StringRef Path, Baseline &Out) {
  std::string Name = "baseline '" + Path.str() + "'";
  if (Path.empty())
    return std::string("'baseline' needs a file name");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return Name + ": " + Buf.getError().message();
  Expected<json::Value> Doc = json::parse((*Buf)->getBuffer());
  if (!Doc) {
    std::string Why = toString(Doc.takeError());
    return Name + ": not JSON (" + Why + ")";
  }
  const json::Object *Root = Doc->getAsObject();
  const json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Root->getString("version") != StringRef("2.1.0"))
    return Name + ": not a SARIF 2.1.0 document";
  Out.Path = Path.str();
  Out.Entries.clear();
  for (const json::Value &Run : *Runs) {
    const json::Object *RunObj = Run.getAsObject();
    const json::Array *Results = RunObj ? RunObj->getArray("results") : nullptr;
    if (!Results)
      return Name + ": a run without results";
    for (const json::Value &R : *Results) {
      const json::Object *Obj = R.getAsObject();
      if (!Obj)
        return Name + ": a result that is not an object";
      if (std::optional<std::string> Err = readResult(*Obj, Out.Entries))
        return Name + ": " + *Err;
    }
  }
  return std::nullopt;
}

} // namespace initcheck
