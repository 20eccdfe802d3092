//===- InitcheckTool.cpp - The initcheck command --------------------------===//
//
// initcheck link ...   whole-program mismatches and the initcall order table
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static void usage(raw_ostream &OS) {
  OS << "usage: initcheck link [--format=text|json] [-o FILE] [SETTING...] "
        "OBJ...\n"
        "  OBJ: objects, archives or ld -r outputs (vmlinux.o), in link "
        "order\n"
        "  SETTING: --modpost-compat, --disable=RULE, --whitelist=PATTERN, "
        "--init-section=NAME, --exit-section=NAME, --advice\n";
}

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  SmallVector<StringRef, 16> Args(Argv + 1, Argv + Argc);
  if (Args.empty() || Args[0] == "--help" || Args[0] == "-h") {
    usage(Args.empty() ? errs() : outs());
    return Args.empty() ? 2 : 0;
  }
  if (Args[0] == "link")
    return initcheck::runLink(ArrayRef(Args).drop_front());
  errs() << "initcheck: unknown command '" << Args[0] << "'\n";
  usage(errs());
  return 2;
}
