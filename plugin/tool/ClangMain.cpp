//===- ClangMain.cpp - initcheck-clang: the commands that run clang -------===//
//
// `initcheck check` and `initcheck cc` parse source with clang, so they need
// Debian's clang and LLVM shared libraries (67 MB of mappings and about
// 10 ms to load). They live in this program, which `initcheck` (the light
// front, InitcheckTool.cpp) runs from its own directory as
// `initcheck-clang check|cc ARGS...`: every other command starts without
// loading clang at all. Not a command users type; its arguments and output
// are exactly those of `initcheck check` and `initcheck cc`.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  SmallVector<StringRef, 16> Args(Argv + 1, Argv + Argc);
  if (!Args.empty() && Args[0] == "check")
    return initcheck::runCheck(ArrayRef(Args).drop_front());
  if (!Args.empty() && Args[0] == "cc")
    return initcheck::runCc(ArrayRef(Args).drop_front());
  errs() << "initcheck-clang: runs `initcheck check` and `initcheck cc` for "
            "initcheck (usage: initcheck-clang check|cc ARGS...)\n";
  return 2;
}
