//===- LinkMain.cpp - initcheck-link: `initcheck link` without clang ------===//
//
// The same command as `initcheck link` (LinkCommand.cpp), in a program that
// links LLVM's Support and Object statically and nothing of clang: it
// starts at once and its memory is the facts' (libLLVM.so and
// libclang-cpp.so alone take 67 MB). `initcheck link` runs it when it sits
// next to initcheck, and runs the command itself otherwise.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/InitLLVM.h"

using namespace llvm;

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  SmallVector<StringRef, 16> Args(Argv + 1, Argv + Argc);
  return initcheck::runLink(Args);
}
