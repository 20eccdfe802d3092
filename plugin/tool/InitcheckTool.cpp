//===- InitcheckTool.cpp - The initcheck command --------------------------===//
//
// initcheck check ...  the rules on source files (compile_commands.json)
// initcheck cc ...     the kernel's $(CHECK): make C=1 CHECK="initcheck cc"
// initcheck link ...   whole-program mismatches and the initcall order table
// initcheck run ...    a program with the runtime's trace, order checked
// initcheck findings  the findings of build logs, with their fingerprints
// initcheck rules      every rule id and whether it is an error or advice
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "checks/Rules.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>
#include <vector>

using namespace llvm;

static void usage(raw_ostream &OS) {
  OS << "usage: initcheck check [-p BUILD_DIR] [--format=text|json|sarif] "
        "[-o FILE] [SETTING...] FILE... [-- FLAGS...]\n"
        "       initcheck cc [SETTING...] FLAGS... FILE   "
        "(make C=1 CHECK=\"initcheck cc\")\n"
        "       initcheck link [--format=text|json|sarif] [-o FILE] "
        "[SETTING...] OBJ...\n"
        "       initcheck run [--expect-order TABLE.json] [--module M.so]... "
        "[--trace FILE] [--] PROG [ARGS...]\n"
        "       initcheck findings [-o FILE] [LOG...]\n"
        "       initcheck rules | --version\n"
        "  OBJ: objects, archives or ld -r outputs (vmlinux.o), in link "
        "order\n"
        "  SETTING: --warn-only, --modpost-compat, --disable=RULE, "
        "--whitelist=PATTERN, --init-section=NAME, --exit-section=NAME; "
        "link also --advice and --suggest (functions only init code uses, "
        "__init functions nothing references)\n";
}

/// `initcheck link` is initcheck-link's job where it sits next to this
/// program (LinkMain.cpp: the same command, without the 67 MB of clang and
/// LLVM shared libraries). Returns only if it cannot be run.
static void runLinkProgram(int Argc, char **Argv) {
  std::string Self =
      sys::fs::getMainExecutable(Argv[0], reinterpret_cast<void *>(&usage));
  if (Self.empty())
    return;
  SmallString<256> Program(sys::path::parent_path(Self));
  sys::path::append(Program, "initcheck-link");
  std::vector<char *> LinkArgv{Program.data()};
  LinkArgv.insert(LinkArgv.end(), Argv + 2, Argv + Argc);
  LinkArgv.push_back(nullptr);
  execv(Program.c_str(), LinkArgv.data());
}

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  SmallVector<StringRef, 16> Args(Argv + 1, Argv + Argc);
  if (Args.empty() || Args[0] == "--help" || Args[0] == "-h") {
    usage(Args.empty() ? errs() : outs());
    return Args.empty() ? 2 : 0;
  }
  if (Args[0] == "--version") {
    outs() << "initcheck (LLVM " LLVM_VERSION_STRING ")\n";
    return 0;
  }
  // `initcheck link --help`, `initcheck run --help`: the one usage text
  // (check prints its own, longer one).
  if ((Args[0] == "link" || Args[0] == "run") && Args.size() == 2 &&
      (Args[1] == "--help" || Args[1] == "-h")) {
    usage(outs());
    return 0;
  }
  if (Args[0] == "check")
    return initcheck::runCheck(ArrayRef(Args).drop_front());
  if (Args[0] == "cc")
    return initcheck::runCc(ArrayRef(Args).drop_front());
  if (Args[0] == "link") {
    runLinkProgram(Argc, Argv);
    return initcheck::runLink(ArrayRef(Args).drop_front());
  }
  if (Args[0] == "run")
    return initcheck::runRun(ArrayRef(Args).drop_front());
  if (Args[0] == "findings")
    return initcheck::runFindings(ArrayRef(Args).drop_front());
  if (Args[0] == "rules") {
    for (const initcheck::RuleInfo &R : initcheck::allRules())
      outs() << R.Id << "\t" << (R.IsAdvice ? "advice" : "error") << "\t"
             << R.Summary << "\n";
    return 0;
  }
  errs() << "initcheck: unknown command '" << Args[0] << "'\n";
  usage(errs());
  return 2;
}
