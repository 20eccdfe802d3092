//===- AsmSections.cpp - Symbol references in file-scope asm --------------===//
#include "checks/collect/AsmSections.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace initcheck {

static bool isSymbolStart(char C) {
  return isAlpha(C) || C == '_' || C == '.' || C == '$';
}
static bool isSymbolChar(char C) { return isAlnum(C) || C == '_' || C == '.' || C == '$'; }

/// Split on newlines and ';' outside string literals, dropping comments.
static SmallVector<std::string, 16> splitStatements(StringRef Asm) {
  SmallVector<std::string, 16> Out;
  std::string Cur;
  bool InString = false;
  for (size_t I = 0; I < Asm.size(); ++I) {
    char C = Asm[I];
    if (InString) {
      Cur += C;
      if (C == '\\' && I + 1 < Asm.size())
        Cur += Asm[++I];
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
      Cur += C;
    } else if (C == '\n' || C == ';') {
      Out.push_back(Cur);
      Cur.clear();
    } else if (C == '#' || (C == '/' && I + 1 < Asm.size() && Asm[I + 1] == '/')) {
      while (I < Asm.size() && Asm[I] != '\n')
        ++I;
      Out.push_back(Cur);
      Cur.clear();
    } else {
      Cur += C;
    }
  }
  Out.push_back(Cur);
  return Out;
}

/// The section operand of .section/.pushsection: quoted or bare.
static std::string sectionOperand(StringRef Rest) {
  Rest = Rest.trim();
  if (Rest.consume_front("\""))
    return Rest.take_until([](char C) { return C == '"'; }).str();
  return Rest.take_until([](char C) { return C == ',' || isSpace(C); }).str();
}

/// The symbols a data directive's or an instruction's operands leave a
/// relocation against, skipping strings, numbers and local label references
/// (1b, 2f), registers and inline asm operand references (`%rax`, `%0`,
/// `%[name]`, `%c[name]`); an immediate's `$` is not part of the name.
/// Each comma-separated operand is a sum of terms: a symbol that only
/// appears subtracted (`sym - .`'s `.`, the `b` of `a - b`) or cancels out
/// (`.quad sym - sym`, a constant) is resolved by the assembler, which can
/// only subtract what it knows; relocations add symbols. Under any other
/// operator (`sym * 2`, `sym >> 3`) a symbol counts, to be safe.
static void collectSymbols(StringRef Operands, std::vector<std::string> &Out) {
  SmallVector<std::pair<std::string, int>, 4> Terms; // symbol, coefficient
  bool Other = false;                                // a non-linear operator
  SmallVector<int, 4> ParenSign = {1};
  int Sign = 1; // of the next term
  auto Flush = [&] {
    for (auto &[Name, Coef] : Terms)
      if (Coef > 0 || (Other && Coef != 0))
        if (llvm::find(Out, Name) == Out.end())
          Out.push_back(Name);
    Terms.clear();
    Other = false;
    ParenSign.assign(1, 1);
    Sign = 1;
  };
  for (size_t I = 0; I < Operands.size();) {
    char C = Operands[I];
    if (C == '%') {
      ++I;
      while (I < Operands.size() && Operands[I] == '%')
        ++I;
      while (I < Operands.size() && isSymbolChar(Operands[I]))
        ++I;
      if (I < Operands.size() && Operands[I] == '[')
        while (I < Operands.size() && Operands[I] != ']')
          ++I;
      continue;
    }
    if (C == '"') {
      for (++I; I < Operands.size() && Operands[I] != '"'; ++I)
        if (Operands[I] == '\\')
          ++I;
      ++I;
      continue;
    }
    if (isDigit(C)) {
      while (I < Operands.size() && isSymbolChar(Operands[I]))
        ++I;
      Sign = ParenSign.back();
      continue;
    }
    if (isSymbolStart(C)) {
      size_t B = I;
      while (I < Operands.size() && isSymbolChar(Operands[I]))
        ++I;
      StringRef Name = Operands.slice(B, I);
      Name.consume_front("$");
      if (!Name.empty() && Name != "." && !isDigit(Name[0])) { // "." is the
        auto It = llvm::find_if(                                // location
            Terms, [&](auto &T) { return T.first == Name; });    // counter
        if (It == Terms.end())
          Terms.push_back({Name.str(), Sign});
        else
          It->second += Sign;
      }
      Sign = ParenSign.back();
      continue;
    }
    switch (C) {
    case ',':
      Flush();
      break;
    case '(':
      ParenSign.push_back(Sign);
      break;
    case ')':
      if (ParenSign.size() > 1)
        ParenSign.pop_back();
      Sign = ParenSign.back();
      break;
    case '-':
      Sign = -Sign;
      break;
    case '+':
      break;
    default:
      if (!isSpace(C))
        Other = true;
    }
    ++I;
  }
  Flush();
}

std::vector<AsmDataBlock> parseAsmDataBlocks(StringRef Asm,
                                             StringRef InitialSection) {
  std::vector<AsmDataBlock> Blocks;
  std::string Section = InitialSection.str(), Previous = Section, Label;
  SmallVector<std::string, 4> Stack;
  auto Switch = [&](std::string New) {
    Previous = Section;
    Section = std::move(New);
    Label.clear();
  };
  for (StringRef Stmt : splitStatements(Asm)) {
    Stmt = Stmt.trim();
    // Labels, possibly several, before a directive: "name: .long x".
    while (!Stmt.empty() && isSymbolStart(Stmt[0])) {
      size_t N = 0;
      while (N < Stmt.size() && isSymbolChar(Stmt[N]))
        ++N;
      if (N < Stmt.size() && Stmt[N] == ':') {
        Label = Stmt.take_front(N).str();
        Stmt = Stmt.drop_front(N + 1).trim();
        continue;
      }
      break;
    }
    if (!Stmt.starts_with("."))
      continue;
    StringRef Directive = Stmt.take_until([](char C) { return isSpace(C); });
    StringRef Rest = Stmt.drop_front(Directive.size()).trim();
    if (Directive == ".section") {
      Switch(sectionOperand(Rest));
    } else if (Directive == ".pushsection") {
      Stack.push_back(Section);
      Switch(sectionOperand(Rest));
    } else if (Directive == ".popsection") {
      if (!Stack.empty()) {
        Switch(Stack.back());
        Stack.pop_back();
      }
    } else if (Directive == ".previous") {
      std::string Old = Previous;
      Switch(Old);
    } else if (Directive == ".text" || Directive == ".data" ||
               Directive == ".bss") {
      Switch(Directive.str());
    } else if (StringSwitch<bool>(Directive)
                   .Cases(".long", ".quad", ".int", ".word", ".short", true)
                   .Cases(".2byte", ".4byte", ".8byte", ".dc.a", ".xword", true)
                   .Cases(".dword", ".ptr", ".hword", ".value", true)
                   .Default(false)) {
      std::vector<std::string> Syms;
      collectSymbols(Rest, Syms);
      if (Syms.empty())
        continue;
      if (Blocks.empty() || Blocks.back().Section != Section ||
          Blocks.back().Label != Label)
        Blocks.push_back({Section, Label, {}});
      for (std::string &S : Syms)
        Blocks.back().Symbols.push_back(std::move(S));
    }
  }
  return Blocks;
}

std::vector<std::string> asmTemplateSymbols(StringRef Template) {
  std::vector<std::string> Out;
  // Whether the assembler is in the function's own section, with the
  // .pushsection stack and the section before the last switch (.previous).
  bool Own = true, PreviousOwn = true;
  SmallVector<bool, 4> Stack;
  for (StringRef Stmt : splitStatements(Template)) {
    Stmt = Stmt.trim();
    while (!Stmt.empty() && (isSymbolStart(Stmt[0]) || isDigit(Stmt[0]))) {
      size_t N = 0; // labels: "1:", "name:"
      while (N < Stmt.size() && isSymbolChar(Stmt[N]))
        ++N;
      if (N < Stmt.size() && Stmt[N] == ':') {
        Stmt = Stmt.drop_front(N + 1).trim();
        continue;
      }
      break;
    }
    if (Stmt.empty())
      continue;
    StringRef Head = Stmt.take_until([](char C) { return isSpace(C); });
    StringRef Rest = Stmt.drop_front(Head.size()).trim();
    if (Head.starts_with(".")) {
      if (Head == ".section" || Head == ".text" || Head == ".data" ||
          Head == ".bss") {
        PreviousOwn = Own;
        Own = false;
      } else if (Head == ".pushsection") {
        Stack.push_back(Own);
        PreviousOwn = Own;
        Own = false;
      } else if (Head == ".popsection") {
        if (!Stack.empty()) {
          PreviousOwn = Own;
          Own = Stack.pop_back_val();
        }
      } else if (Head == ".previous") {
        std::swap(Own, PreviousOwn);
      } else if (Own && StringSwitch<bool>(Head)
                            .Cases(".long", ".quad", ".int", ".word", true)
                            .Cases(".4byte", ".8byte", ".dc.a", ".xword", true)
                            .Cases(".dword", ".ptr", true)
                            .Default(false)) {
        collectSymbols(Rest, Out);
      }
      continue;
    }
    if (Own)
      collectSymbols(Rest, Out);
  }
  return Out;
}

} // namespace initcheck
