//===- Suppressions.cpp - initcheck-suppress comments ---------------------===//
#include "checks/collect/Suppressions.h"
#include "checks/collect/Locations.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace llvm;

namespace initcheck {

/// The comment token of \p Buffer that holds offset \p At, lexed from the
/// start of its line (a comment that began on an earlier line is not
/// seen: the marker must be on the line its comment starts on).
static std::optional<StringRef> commentAround(StringRef Buffer, size_t At,
                                              SourceLocation FileStart,
                                              const LangOptions &LO) {
  size_t LineStart = Buffer.rfind('\n', At);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  Lexer L(FileStart, LO, Buffer.begin(), Buffer.begin() + LineStart,
          Buffer.end());
  L.SetCommentRetentionState(true);
  Token T;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    size_t Begin = T.getLocation().getRawEncoding() -
                   FileStart.getRawEncoding();
    if (Begin > At)
      return std::nullopt;
    if (Begin + T.getLength() > At)
      return T.is(tok::comment)
                 ? std::optional(Buffer.substr(Begin, T.getLength()))
                 : std::nullopt;
  }
  return std::nullopt;
}

/// "initcheck-suppress(a, b): why" (from the marker on) into \p S.
static void parseSuppression(StringRef Text, bool BlockComment,
                             Suppression &S) {
  Text = Text.drop_front(SuppressMarker.size());
  if (BlockComment)
    Text.consume_back("*/");
  auto [List, Rest] = Text.split(')');
  SmallVector<StringRef, 2> Rules;
  List.split(Rules, ',', -1, /*KeepEmpty=*/false);
  for (StringRef R : Rules)
    if (!R.trim().empty())
      S.Rules.push_back(R.trim().str());
  Rest = Rest.ltrim();
  if (!Rest.consume_front(":"))
    return;
  S.Reason = Rest.trim().str();
}

std::vector<Suppression> collectSuppressions(const SourceManager &SM,
                                             const LangOptions &LO) {
  std::vector<Suppression> Out;
  StringSet<> Seen; // "file:line": a file included twice is one
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I != N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile() || E.getFile().getFileCharacteristic() != SrcMgr::C_User)
      continue;
    SourceLocation Start = SourceLocation::getFromRawEncoding(E.getOffset());
    FileID FID = SM.getFileID(Start);
    std::optional<StringRef> Buffer = SM.getBufferDataOrNone(FID);
    if (!Buffer)
      continue;
    for (size_t At = Buffer->find(SuppressMarker); At != StringRef::npos;
         At = Buffer->find(SuppressMarker, At + 1)) {
      std::optional<StringRef> Comment = commentAround(*Buffer, At, Start, LO);
      if (!Comment)
        continue;
      Suppression S;
      S.Where.Loc = Start.getLocWithOffset(At);
      resolveLocation(S.Where, SM);
      if (!Seen.insert(S.Where.File + ":" + std::to_string(S.Where.Line))
               .second)
        continue;
      size_t Begin = Comment->data() - Buffer->data();
      parseSuppression(Comment->drop_front(At - Begin),
                       Comment->starts_with("/*"), S);
      // Alone on its line (only blanks before it): about the next line.
      // After code: about the line it ends on.
      size_t LineStart = Buffer->rfind('\n', Begin);
      LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
      bool Alone = Buffer->slice(LineStart, Begin).trim().empty();
      Location End;
      End.Loc = Start.getLocWithOffset(Begin + Comment->size());
      resolveLocation(End, SM);
      S.Line = Alone ? End.Line + 1 : End.Line;
      Out.push_back(std::move(S));
    }
  }
  return Out;
}

} // namespace initcheck
