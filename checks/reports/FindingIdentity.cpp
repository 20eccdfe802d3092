//===- FindingIdentity.cpp - What a finding is, wherever it sits ----------===//
#include "checks/reports/FindingIdentity.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <tuple>

using namespace llvm;

namespace initcheck {

static std::optional<StringRef> firstQuoted(StringRef S) {
  size_t Open = S.find('\'');
  if (Open == StringRef::npos)
    return std::nullopt;
  size_t Close = S.find('\'', Open + 1);
  if (Close == StringRef::npos || Close == Open + 1)
    return std::nullopt;
  return S.slice(Open + 1, Close);
}

std::string findingSubject(StringRef Message) {
  size_t Ref = Message.find(" references ");
  if (Ref != StringRef::npos) {
    std::optional<StringRef> From = firstQuoted(Message.take_front(Ref));
    std::optional<StringRef> To = firstQuoted(Message.drop_front(Ref));
    if (From && To)
      return (*From + " -> " + *To).str();
  }
  if (std::optional<StringRef> Name = firstQuoted(Message))
    return Name->str();
  return Message.str();
}

std::string identityFile(StringRef File) {
  SmallString<128> Path(File);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/false,
                         sys::path::Style::posix);
  // Under the working directory, relative: a compile that names the file
  // absolutely and one that names it from where it runs agree.
  static const std::string Cwd = [] {
    SmallString<128> Dir;
    return sys::fs::current_path(Dir) ? std::string() : std::string(Dir);
  }();
  StringRef Rel = Path;
  if (!Cwd.empty() && Rel.consume_front(Cwd) && Rel.consume_front("/") &&
      !Rel.empty())
    return Rel.str();
  return std::string(Path);
}

std::vector<std::string> fingerprints(ArrayRef<FindingKey> Keys) {
  // Rank within (rule, file, subject) by position in the file.
  std::vector<size_t> Order(Keys.size());
  std::iota(Order.begin(), Order.end(), 0);
  auto Tie = [&](const size_t &I) {
    const FindingKey &K = Keys[I];
    return std::tie(K.Rule, K.File, K.Subject, K.Line, K.Column, I);
  };
  std::sort(Order.begin(), Order.end(),
            [&](size_t A, size_t B) { return Tie(A) < Tie(B); });
  std::vector<std::string> Out(Keys.size());
  unsigned Rank = 0;
  for (size_t N = 0; N != Order.size(); ++N) {
    const FindingKey &K = Keys[Order[N]];
    const FindingKey *Prev = N ? &Keys[Order[N - 1]] : nullptr;
    bool Same = Prev && Prev->Rule == K.Rule && Prev->File == K.File &&
                Prev->Subject == K.Subject;
    Rank = Same ? Rank + 1 : 1;
    SHA1 Hash;
    Hash.update("v1");
    for (StringRef Part : {K.Rule, StringRef(K.File), StringRef(K.Subject)}) {
      Hash.update(ArrayRef<uint8_t>{0});
      Hash.update(Part);
    }
    std::array<uint8_t, 20> Digest = Hash.final();
    Out[Order[N]] = toHex(ArrayRef(Digest).take_front(8), /*LowerCase=*/true) +
                    ":" + std::to_string(Rank);
  }
  return Out;
}

std::vector<std::string> fingerprints(ArrayRef<Finding> Findings) {
  // A baseline's absent results keep the fingerprint it gave them, and
  // take no rank from the findings of this run.
  std::vector<FindingKey> Keys;
  std::vector<size_t> Found;
  for (size_t I = 0; I != Findings.size(); ++I) {
    const Finding &F = Findings[I];
    if (F.Baseline == BaselineState::Absent)
      continue;
    Found.push_back(I);
    Keys.push_back({F.RuleId, identityFile(F.Where.File),
                    findingSubject(F.Message), F.Where.Line, F.Where.Column});
  }
  std::vector<std::string> Prints = fingerprints(Keys);
  std::vector<std::string> Out(Findings.size());
  for (size_t I = 0; I != Findings.size(); ++I)
    Out[I] = Findings[I].BaselineFingerprint;
  for (size_t K = 0; K != Found.size(); ++K)
    Out[Found[K]] = std::move(Prints[K]);
  return Out;
}

} // namespace initcheck
