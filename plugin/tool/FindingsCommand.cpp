//===- FindingsCommand.cpp - initcheck findings ---------------------------===//
//
// The initcheck findings of compiler output (a build log of the plugin, or
// of `initcheck check`), one per line with the identity checks/
// FindingIdentity.h gives it: what a classification or a baseline of a
// whole build keys on, so that a kernel point release that moves code keeps
// every finding recognisable (test/kernel/run, docs/kernel.md).
//
// A diagnostic printed by several compiles (a header's) is one finding; a
// finding a baseline accepted (its remark) is one too.
// Output (TSV, sorted by file, line, column, rule, message):
//   fingerprint  rule  file:line:col  subject  message
// or, --format=sarif, the SARIF document of those findings, with the same
// fingerprints: the baseline of a whole build (baseline=FILE,
// docs/adopting.md#a-whole-build), which a compile's sarif=FILE is not.
// Exit status: 0, or 2 when an input cannot be read (nothing written).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/Sarif.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

using namespace llvm;

namespace initcheck {
namespace {

struct LogFinding {
  std::string File;
  unsigned Line, Column;
  std::string Rule, Message;
  /// Printed as an error (the first print of it, when several compiles
  /// print it); not part of its identity.
  bool Error = false;
  auto tie() const { return std::tie(File, Line, Column, Rule, Message); }
  bool operator<(const LogFinding &O) const { return tie() < O.tie(); }
};

/// Where a finding's message starts: after its severity, or after the
/// remark of a finding a baseline accepted (a build with baseline= prints
/// it so; it is still a finding). The first marker in the line wins.
struct SeverityMarker {
  StringRef Text;
  bool Error;
};
constexpr SeverityMarker Markers[] = {
    {": error: ", true},
    {": warning: ", false},
    {": remark: accepted by the baseline: ", false},
};

/// "FILE:LINE:COL: warning|error: MESSAGE [initcheck-RULE]", as clang
/// prints a finding (or "remark: accepted by the baseline: MESSAGE");
/// anything else is not one.
std::optional<LogFinding> parseLine(StringRef L) {
  L = L.rtrim("\r\n");
  if (!L.consume_back("]"))
    return std::nullopt;
  size_t Open = L.rfind(" [initcheck-");
  if (Open == StringRef::npos)
    return std::nullopt;
  StringRef Rule = L.drop_front(Open + 2);
  if (Rule == "initcheck-" || !all_of(Rule, [](char C) {
        return isAlnum(C) || C == '-';
      }))
    return std::nullopt;
  L = L.take_front(Open);
  size_t Sev = StringRef::npos, SevLen = 0;
  bool Error = false;
  for (const SeverityMarker &M : Markers)
    if (size_t At = L.find(M.Text); At < Sev)
      Sev = At, SevLen = M.Text.size(), Error = M.Error;
  if (Sev == StringRef::npos)
    return std::nullopt;
  StringRef Where = L.take_front(Sev), Message = L.drop_front(Sev + SevLen);
  // FILE may itself hold ':'; LINE and COL are the last two fields.
  auto [Rest, ColText] = Where.rsplit(':');
  auto [File, LineText] = Rest.rsplit(':');
  unsigned Line, Column;
  if (File.empty() || LineText.getAsInteger(10, Line) ||
      ColText.getAsInteger(10, Column))
    return std::nullopt;
  return LogFinding{identityFile(File), Line,         Column,
                    Rule.str(),         Message.str(), Error};
}

int fail(const Twine &Message) {
  errs() << "initcheck findings: " << Message << "\n";
  return 2;
}

/// The SARIF document of \p Sorted, as the fronts write theirs: the
/// fingerprints sarifDocument() computes from these findings are the ones
/// the TSV prints, since both rank the same deduplicated set.
std::string sarifOf(ArrayRef<const LogFinding *> Sorted) {
  std::vector<Finding> Findings;
  for (const LogFinding *F : Sorted) {
    Finding Out;
    Out.RuleId = F->Rule;
    Out.Level = F->Error ? Severity::Error : Severity::Warning;
    Out.Where.File = F->File;
    Out.Where.Line = F->Line;
    Out.Where.Column = F->Column;
    Out.Message = F->Message;
    Findings.push_back(std::move(Out));
  }
  return sarifDocument(Findings);
}

} // namespace

int runFindings(ArrayRef<StringRef> Args) {
  std::string Output;
  std::vector<std::string> Inputs;
  bool Sarif = false;
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.consume_front("--format=")) {
      if (A != "tsv" && A != "sarif")
        return fail("unknown format '" + A + "' (tsv or sarif)");
      Sarif = A == "sarif";
    } else if (A == "-o") {
      if (I + 1 == Args.size())
        return fail("-o needs a file");
      Output = Args[++I].str();
    } else if (A.consume_front("-o")) {
      Output = A.str();
    } else if (A == "-" || !A.starts_with("-")) {
      Inputs.push_back(A.str());
    } else {
      return fail("unknown option '" + A + "'");
    }
  }
  if (Inputs.empty())
    Inputs.push_back("-");

  std::set<LogFinding> Seen;
  for (const std::string &In : Inputs) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
        MemoryBuffer::getFileOrSTDIN(In, /*IsText=*/true);
    if (!Buf)
      return fail(In + ": " + Buf.getError().message());
    SmallVector<StringRef, 0> Lines;
    (*Buf)->getBuffer().split(Lines, '\n');
    for (StringRef L : Lines)
      if (std::optional<LogFinding> F = parseLine(L))
        Seen.insert(std::move(*F));
  }

  std::vector<const LogFinding *> Sorted;
  std::vector<FindingKey> Keys;
  for (const LogFinding &F : Seen) {
    Sorted.push_back(&F);
    Keys.push_back({F.Rule, F.File, findingSubject(F.Message), F.Line,
                    F.Column});
  }
  std::string Doc;
  if (Sarif) {
    Doc = sarifOf(Sorted);
  } else {
    std::vector<std::string> Prints = fingerprints(Keys);
    Doc = "fingerprint\trule\tlocation\tsubject\tmessage\n";
    raw_string_ostream OS(Doc);
    for (size_t N = 0; N != Sorted.size(); ++N) {
      const LogFinding &F = *Sorted[N];
      OS << Prints[N] << "\t" << F.Rule << "\t" << F.File << ":" << F.Line
         << ":" << F.Column << "\t" << Keys[N].Subject << "\t" << F.Message
         << "\n";
    }
  }
  if (Output.empty() || Output == "-") {
    outs() << Doc;
    return 0;
  }
  if (std::optional<std::string> Err = writeFileAtomically(Output, Doc))
    return fail(*Err);
  return 0;
}

} // namespace initcheck
