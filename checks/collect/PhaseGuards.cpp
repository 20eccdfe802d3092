//===- PhaseGuards.cpp - Conditions a project declares init-only ----------===//
#include "checks/collect/PhaseGuards.h"
#include "checks/collect/Collector.h"

using namespace clang;
using namespace llvm;

namespace initcheck {

std::string normalizeGuard(StringRef Expr) {
  std::string Text = Expr.str();
  LangOptions LO;
  LO.CPlusPlus = true; // `::` and `->*` are one token, as in C++ sources
  Lexer L(SourceLocation(), LO, Text.data(), Text.data(), Text.data() + Text.size());
  std::vector<std::string> Tokens;
  Token T;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    Tokens.push_back(Text.substr(T.getLocation().getRawEncoding(), T.getLength()));
  }
  // Parentheses around the whole: `((a < b))` is `a < b`, `(a) < (b)` stays.
  auto Enclosed = [&] {
    if (Tokens.size() < 2 || Tokens.front() != "(" || Tokens.back() != ")")
      return false;
    int Depth = 0;
    for (size_t I = 0; I + 1 < Tokens.size(); ++I) {
      Depth += Tokens[I] == "(" ? 1 : Tokens[I] == ")" ? -1 : 0;
      if (Depth == 0)
        return false; // the first '(' closes before the end
    }
    return true;
  };
  while (Enclosed())
    Tokens = std::vector<std::string>(Tokens.begin() + 1, Tokens.end() - 1);
  std::string Out;
  for (const std::string &Tok : Tokens)
    Out += (Out.empty() ? "" : " ") + Tok;
  return Out;
}

namespace collect {

/// The declared guard \p Cond is, or one operand of its top-level `&&`
/// chain is (the branch runs only when all of them hold), as written in the
/// file: 1 + its index in TuFacts::Guards, or 0.
unsigned short Collector::guardOf(const Expr *Cond) {
  if (GuardKeys.empty() || !Cond)
    return 0;
  Cond = Cond->IgnoreParens();
  if (const auto *B = dyn_cast<BinaryOperator>(Cond);
      B && B->getOpcode() == BO_LAnd && !B->getBeginLoc().isMacroID()) {
    if (unsigned short G = guardOf(B->getLHS()))
      return G;
    return guardOf(B->getRHS());
  }
  CharSourceRange Range = SM.getExpansionRange(Cond->getSourceRange());
  std::string Key = normalizeGuard(Lexer::getSourceText(Range, SM, LO));
  for (size_t I = 0; I != GuardKeys.size(); ++I)
    if (!Key.empty() && GuardKeys[I] == Key)
      return I + 1;
  return 0;
}

bool Collector::traverseGuardedIf(IfStmt *S) {
  unsigned short G = S->getConditionVariable() || S->isConsteval()
                         ? 0
                         : guardOf(S->getCond());
  if (!G || !Current)
    return Base::TraverseIfStmt(S);
  if (!TraverseStmt(S->getInit()) || !TraverseStmt(S->getCond()))
    return false;
  // The mark is the enclosing function's: a closure created in the branch
  // runs when it is called, not under the guard.
  auto Outer = std::make_pair(CurrentGuard, GuardOwner);
  CurrentGuard = G;
  GuardOwner = Current;
  bool Ok = TraverseStmt(S->getThen());
  std::tie(CurrentGuard, GuardOwner) = Outer;
  return Ok && TraverseStmt(S->getElse());
}

} // namespace collect
} // namespace initcheck
