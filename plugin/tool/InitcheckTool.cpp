//===- InitcheckTool.cpp - The initcheck command --------------------------===//
//
// initcheck check ...  the rules on source files (compile_commands.json)
// initcheck cc ...     the kernel's $(CHECK): make C=1 CHECK="initcheck cc"
// initcheck link ...   whole-program mismatches and the initcall order table
// initcheck run ...    a program with the runtime's trace, order checked
// initcheck findings  the findings of build logs, with their fingerprints
// initcheck rules      every rule id and whether it is an error or advice
//
// This program links LLVM's Support and Object statically and nothing of
// clang; check and cc run in initcheck-clang (ClangMain.cpp), which it
// executes. Built without LLVM's static libraries, it links clang and runs
// every command itself (INITCHECK_TOOL_RUNS_CLANG).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "checks/program/Options.h"
#include "checks/rules/Rules.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstring>
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
        "       initcheck findings [--format=tsv|sarif] [-o FILE] [LOG...]\n"
        "       initcheck rules | --version\n"
        "  OBJ: objects, archives or ld -r outputs (vmlinux.o), in link "
        "order\n"
        "  SETTING: "
     << initcheck::toolSettingsUsage()
     << "; link also --advice, --suggest (functions only init code uses, "
        "__init functions nothing references) and --escapes (init values "
        "one file hands to another that keeps them)\n";
}

#ifndef INITCHECK_TOOL_RUNS_CLANG
/// `initcheck check` and `initcheck cc` parse source with clang: they run
/// in initcheck-clang, next to this program (ClangMain.cpp), so that this
/// one loads none of clang's shared libraries and `initcheck link`, `run`,
/// `findings` and `rules` start at once. Returns only on failure.
static int runClangProgram(int Argc, char **Argv) {
  std::string Self =
      sys::fs::getMainExecutable(Argv[0], reinterpret_cast<void *>(&usage));
  if (Self.empty()) {
    errs() << "initcheck " << Argv[1]
           << ": cannot find its own directory, where initcheck-clang is\n";
    return 2;
  }
  SmallString<256> Program(sys::path::parent_path(Self));
  sys::path::append(Program, "initcheck-clang");
  std::vector<char *> ClangArgv{Program.data()};
  ClangArgv.insert(ClangArgv.end(), Argv + 1, Argv + Argc);
  ClangArgv.push_back(nullptr);
  execv(Program.c_str(), ClangArgv.data());
  errs() << "initcheck " << Argv[1] << ": cannot run " << Program << ": "
         << std::strerror(errno) << "\n";
  return 2;
}
#endif

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
  if (Args[0] == "check" || Args[0] == "cc") {
#ifdef INITCHECK_TOOL_RUNS_CLANG
    return Args[0] == "check" ? initcheck::runCheck(ArrayRef(Args).drop_front())
                              : initcheck::runCc(ArrayRef(Args).drop_front());
#else
    return runClangProgram(Argc, Argv);
#endif
  }
  if (Args[0] == "link")
    return initcheck::runLink(ArrayRef(Args).drop_front());
  if (Args[0] == "run")
    return initcheck::runRun(ArrayRef(Args).drop_front());
  if (Args[0] == "findings")
    return initcheck::runFindings(ArrayRef(Args).drop_front());
  if (Args[0] == "rules") {
    for (const initcheck::RuleInfo &R : initcheck::allRules())
      outs() << R.Id << "\t" << initcheck::severityName(R) << "\t"
             << R.Summary << "\n";
    return 0;
  }
  errs() << "initcheck: unknown command '" << Args[0] << "'\n";
  usage(errs());
  return 2;
}
