//===- GccCommandLine.cpp - GCC compile commands for clang ----------------===//
//
// Which options clang takes is decided by clang-19 itself, not by a list
// of GCC's options that would be out of date with the next GCC: its
// driver's option table, its warning groups, and its driver's verdict on
// the command for the command's target. What it does not accept is what
// GCC alone knows (code generation, hardening, tuning and warnings that
// change no declaration's meaning), so dropping it parses the file the way
// GCC does.
//
//===----------------------------------------------------------------------===//
#include "GccCommandLine.h"
#include "clang/Basic/DiagnosticDriver.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/TargetParser/Host.h"

using namespace clang;
using namespace llvm;

namespace initcheck {
namespace {

/// Does clang have the warning named by -W<Name> (Name without "no-")?
bool isClangWarning(StringRef Name) {
  return Name == "everything" || Name == "system-headers" ||
         Name == "fatal-errors" ||
         DiagnosticIDs::getGroupForWarningOption(Name).has_value();
}

/// One -W option of the kind clang spells -W<group>: "" to drop it, else
/// what to pass.
std::string warningOption(StringRef Value) {
  if (Value == "error")
    return "";
  if (Value.consume_front("error="))
    return isClangWarning(Value) ? ("-W" + Value).str() : "";
  StringRef Name = Value;
  Name.consume_front("no-");
  if (Name.consume_front("error="))
    return isClangWarning(Name) ? ("-W" + Value).str() : "";
  return Name == "error" || isClangWarning(Name) ? ("-W" + Value).str() : "";
}

/// The options clang-19's option table does not know, unknown -W names,
/// -Werror and dependency output, dropped.
std::vector<std::string> knownOptions(const std::vector<std::string> &Args) {
  if (Args.empty())
    return Args;
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const opt::OptTable &Table = driver::getDriverOptTable();
  opt::InputArgList List = Table.ParseArgs(
      Argv, MissingIndex, MissingCount,
      opt::Visibility(driver::options::ClangOption));
  std::vector<std::string> Out{Args[0]};
  std::vector<const opt::Arg *> Parsed(List.begin(), List.end());
  for (size_t K = 0; K != Parsed.size(); ++K) {
    const opt::Arg *A = Parsed[K];
    size_t Begin = A->getIndex();
    size_t End = K + 1 < Parsed.size() ? Parsed[K + 1]->getIndex()
                                       : Argv.size();
    const opt::Option &O = A->getOption();
    if (O.getKind() == opt::Option::UnknownClass)
      continue;
    StringRef First = Argv[Begin];
    if (O.matches(driver::options::OPT_W_Joined) && First.starts_with("-W")) {
      std::string W = warningOption(First.drop_front(2));
      if (!W.empty())
        Out.push_back(W);
      continue;
    }
    // -Wp,-MMD,init/.main.o.d: Kbuild's dependency file, written by a
    // compile, not by a check.
    if (O.matches(driver::options::OPT_Wp_COMMA) && A->getNumValues() &&
        StringRef(A->getValue(0)).starts_with("-M"))
      continue;
    for (size_t I = Begin; I < End; ++I)
      Out.push_back(Argv[I]);
  }
  return Out;
}

/// Collects what the driver says of a command.
class DriverVerdicts : public DiagnosticConsumer {
public:
  StringSet<> Rejected; ///< Option spellings the driver refused.
  unsigned Others = 0;

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    unsigned ID = Info.getID();
    if (ID == diag::err_drv_unsupported_opt_for_target ||
        ID == diag::err_drv_unsupported_option_argument ||
        ID == diag::err_drv_unsupported_opt ||
        ID == diag::err_drv_unknown_argument ||
        // Taken and ignored: GCC's tuning (-falign-jumps=1), an option
        // for another target that clang only warns about.
        ID == diag::warn_ignored_gcc_optimization ||
        ID == diag::warn_drv_unsupported_opt_for_target ||
        ID == diag::warn_drv_unsupported_option_for_target) {
      if (Info.getNumArgs() &&
          Info.getArgKind(0) == DiagnosticsEngine::ak_std_string)
        Rejected.insert(Info.getArgStdStr(0));
      else if (Info.getNumArgs() &&
               Info.getArgKind(0) == DiagnosticsEngine::ak_c_string)
        Rejected.insert(Info.getArgCStr(0));
      return;
    }
    if (Level >= DiagnosticsEngine::Error)
      ++Others;
  }
};

/// The options clang-19's driver rejects for this command's target (it
/// knows -mrecord-mcount, but for s390x only) or takes and ignores,
/// dropped. An option is named
/// in the driver's message by its spelling ("-mfoo", or "-mfoo=" for
/// joined values), so every argument that is or starts with that spelling
/// goes; each round drops at least one, so this ends.
std::vector<std::string> targetOptions(std::vector<std::string> Args) {
  for (int Round = 0; Round != 8 && !Args.empty(); ++Round) {
    DriverVerdicts Verdicts;
    IntrusiveRefCntPtr<DiagnosticOptions> Opts(new DiagnosticOptions);
    DiagnosticsEngine Diags(new DiagnosticIDs, Opts, &Verdicts,
                            /*ShouldOwnClient=*/false);
    driver::Driver D(Args[0], sys::getDefaultTargetTriple(), Diags,
                     "initcheck", vfs::getRealFileSystem());
    D.setCheckInputsExist(false);
    std::vector<const char *> Argv;
    for (const std::string &A : Args)
      Argv.push_back(A.c_str());
    std::unique_ptr<driver::Compilation> C(D.BuildCompilation(Argv));
    if (Verdicts.Rejected.empty())
      break;
    std::vector<std::string> Out{Args[0]};
    for (size_t I = 1; I < Args.size(); ++I) {
      bool Drop = false;
      for (const auto &R : Verdicts.Rejected) {
        StringRef Spelling = R.getKey();
        StringRef A = Args[I];
        if (A == Spelling || (Spelling.ends_with("=") &&
                              A.starts_with(Spelling)) ||
            (A.starts_with(Spelling) && A.size() > Spelling.size() &&
             A[Spelling.size()] == '='))
          Drop = true;
      }
      if (!Drop)
        Out.push_back(Args[I]);
    }
    if (Out.size() == Args.size())
      break;
    Args = std::move(Out);
  }
  return Args;
}

} // namespace

std::vector<std::string> clangCommandLine(const std::vector<std::string> &Args) {
  return targetOptions(knownOptions(Args));
}

tooling::ArgumentsAdjuster gccCommandLineAdjuster(bool CompilerWarnings) {
  return [CompilerWarnings](const tooling::CommandLineArguments &Args,
                            StringRef) {
    std::vector<std::string> Out = clangCommandLine(Args);
    if (!CompilerWarnings)
      Out.push_back("-Qunused-arguments");
    return Out;
  };
}

void CompilerWarningFilter::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                             const Diagnostic &Info) {
  bool Ours = Info.getID() >= diag::DIAG_UPPER_LIMIT;
  bool Pass;
  if (Level == DiagnosticsEngine::Note)
    Pass = LastPassed;
  else
    Pass = Ours || CompilerWarnings || Level >= DiagnosticsEngine::Error;
  if (Level != DiagnosticsEngine::Note)
    LastPassed = Pass;
  if (!Pass)
    return;
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  Inner->HandleDiagnostic(Level, Info);
}

void filterCompilerWarnings(DiagnosticsEngine &Diags, bool CompilerWarnings) {
  std::unique_ptr<DiagnosticConsumer> Owned = Diags.takeClient();
  DiagnosticConsumer *Inner = Owned ? Owned.get() : Diags.getClient();
  Diags.setClient(
      new CompilerWarningFilter(Inner, std::move(Owned), CompilerWarnings),
      /*ShouldOwnClient=*/true);
}

} // namespace initcheck
