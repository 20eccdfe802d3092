//===- CcCommand.cpp - initcheck cc: the kernel's $(CHECK) ----------------===//
//
// `make C=1 CHECK="initcheck cc"` (or C=2): Kbuild runs
// `$(CHECK) $(CHECKFLAGS) $(c_flags) FILE.c` for every C file it compiles,
// as it runs sparse or smatch. This front takes exactly that and is
// `initcheck check FILE.c -- FLAGS...`: the same translation of a GCC
// command line (sparse's own flags, such as --arch=x86_64 and -Wbitwise,
// are options clang does not know and go the same way), the same output,
// the same exit status, so an error finding stops make.
//
// Settings come first, with two dashes (CHECK="initcheck cc --warn-only"),
// or anywhere as the plugin spells them (-fplugin-arg-initcheck-warn-only,
// e.g. in CF= or KCFLAGS=): one word each, so they survive make's word
// splitting of $(CHECK).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

using namespace llvm;

namespace initcheck {

int runCc(ArrayRef<StringRef> Args) {
  if (Args.size() == 1 && (Args[0] == "-h" || Args[0] == "--help")) {
    outs() << "usage: initcheck cc [SETTING...] FLAGS... FILE\n"
              "  as Kbuild runs $(CHECK): make C=1 CHECK=\"initcheck cc "
              "[SETTING...]\"\n"
              "  SETTING: --warn-only, --modpost-compat, --disable=RULE, "
              "--whitelist=PATTERN, --init-section=NAME, --exit-section=NAME, "
              "--compiler-warnings; or -fplugin-arg-initcheck-SETTING "
              "anywhere\n"
              "  exit status: 0 clean, 1 errors, 2 bad usage or the file was "
              "not checked\n";
    return 0;
  }
  std::vector<std::string> Settings, Flags;
  size_t I = 0;
  for (; I != Args.size() && Args[I].starts_with("--") && Args[I] != "--"; ++I)
    Settings.push_back(Args[I].str());
  if (I == Args.size() || Args.back().starts_with("-")) {
    errs() << "initcheck cc: no input file (usage: initcheck cc [SETTING...] "
              "FLAGS... FILE)\n";
    return 2;
  }
  for (; I + 1 < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.consume_front("-fplugin-arg-initcheck-"))
      Settings.push_back("--" + A.str());
    else
      Flags.push_back(A.str());
  }
  std::vector<StringRef> CheckArgs(Settings.begin(), Settings.end());
  CheckArgs.push_back(Args.back());
  CheckArgs.push_back("--");
  CheckArgs.insert(CheckArgs.end(), Flags.begin(), Flags.end());
  return runCheck(CheckArgs);
}

} // namespace initcheck
