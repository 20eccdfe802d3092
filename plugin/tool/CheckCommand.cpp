//===- CheckCommand.cpp - initcheck check ---------------------------------===//
//
// The LibTooling front: runs the same core as the plugin (collectFacts +
// runRules) on source files, with the compile commands of a
// compile_commands.json (-p BUILD_DIR, or the first one found in a parent
// directory of each file, as clang-check does) or with fixed flags after
// `--`. Nothing is compiled to an object.
//
// A source file without an entry in the database is an error (exit 2): a
// command guessed from a neighbour (clang-check's fallback) can miss the
// -D/-include a file needs, and a wrong verdict is worse than none. Headers
// without an entry are skipped with a message: the files that include them
// check them.
//
// Exit status: 0 clean, 1 errors, 2 bad usage or input.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "CompileCommands.h"
#include "GccCommandLine.h"
#include "checks/reports/DiagnosticsSink.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/reports/FindingJson.h"
#include "checks/collect/FactCollector.h"
#include "checks/program/Options.h"
#include "checks/rules/Rules.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/Sarif.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#ifndef INITCHECK_CLANG_RESOURCE_DIR
#error "INITCHECK_CLANG_RESOURCE_DIR must name clang-19's resource directory"
#endif

using namespace clang;
using namespace clang::tooling;
using namespace llvm;

namespace initcheck {
namespace {

enum class Format { Text, Json, Sarif };

/// --compiler-warnings: clang's own warnings shown too (one run, one value).
bool CompilerWarnings = false;

/// The working directory initcheck check started in (ClangTool changes it
/// to each command's directory while it runs the command).
std::string StartDir;

/// What the action found in one file.
struct FileResult {
  bool Analyzed = false;
  std::vector<Finding> Findings;
};

class CheckConsumer : public ASTConsumer {
public:
  CheckConsumer(CompilerInstance &CI, const InitcheckOptions &Opts,
                bool Emit, FileResult &Out)
      : CI(CI), Opts(Opts), Emit(Emit), Out(Out) {}

  // What the plugin's consumer does, minus the facts for the object file.
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const CodeGenOptions &CG = CI.getCodeGenOpts();
    TuAnalysis A = analyzeTranslationUnit(
        Ctx, CI.getPreprocessor(), CG.DataSections || CG.PrepareForLTO, Opts);
    if (!A.Analyzed)
      return;
    // Relative names are relative to each command's directory (the
    // working directory while ClangTool runs it): the documents name files
    // absolutely, or relative to where initcheck check started when below
    // it (a checkout's root, where CI and pre-commit run: SARIF consumers
    // resolve those against the checkout). Fingerprints, and so the
    // baseline, are of these names.
    FileManager &FM = CI.getFileManager();
    auto Rename = [&](Location &L) {
      SmallString<256> P(L.File);
      if (P.empty())
        return;
      FM.makeAbsolutePath(P); // false when it already was
      sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      StringRef Name = P;
      if (!(Name.consume_front(StartDir) && Name.consume_front("/") &&
            !Name.empty()))
        Name = P;
      L.File = Name.str();
    };
    for (Finding &F : A.Findings) {
      Rename(F.Where);
      for (FindingNote &N : F.Notes)
        Rename(N.Where);
    }
    Location Main;
    const SourceManager &SM = Ctx.getSourceManager();
    if (OptionalFileEntryRef E = SM.getFileEntryRefForID(SM.getMainFileID()))
      Main.File = E->getName().str();
    Rename(Main);
    reportTranslationUnit(Ctx, A, Opts, Emit, Main.File);
    for (Finding &F : A.Findings)
      Out.Findings.push_back(std::move(F));
    Out.Analyzed = true;
  }

private:
  CompilerInstance &CI;
  const InitcheckOptions &Opts;
  bool Emit;
  FileResult &Out;
};

/// One CheckConsumer per file ClangTool runs.
class CheckActionFactory : public FrontendActionFactory {
public:
  CheckActionFactory(const InitcheckOptions &Opts, bool Emit, FileResult &Out)
      : Opts(Opts), Emit(Emit), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      explicit Action(CheckActionFactory &F) : F(F) {}
      // The compiler's own warnings are not ours (GccCommandLine.h).
      bool BeginInvocation(CompilerInstance &CI) override {
        filterCompilerWarnings(CI.getDiagnostics(), CompilerWarnings);
        return true;
      }
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                     StringRef) override {
        return std::make_unique<CheckConsumer>(CI, F.Opts, F.Emit, F.Out);
      }
      CheckActionFactory &F;
    };
    return std::make_unique<Action>(*this);
  }

private:
  const InitcheckOptions &Opts;
  bool Emit;
  FileResult &Out;
};

int fail(const Twine &Message) {
  errs() << "initcheck check: " << Message << "\n";
  return 2;
}

const char Usage[] =
    "usage: initcheck check [-p BUILD_DIR] [--format=text|json|sarif] "
    "[-o FILE] [SETTING...] FILE... [-- FLAGS...]\n";

/// What the command line asks for.
struct CheckRequest {
  Format Fmt = Format::Text;
  std::string BuildDir, Output;
  InitcheckOptions Opts;
  std::vector<std::string> Files;
  std::optional<std::vector<std::string>> FixedFlags;
};

/// Parse \p Args into \p R; an exit status when the command ends here
/// (--help, bad usage).
std::optional<int> parseCheckArgs(ArrayRef<StringRef> Args, CheckRequest &R) {
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--") {
      R.FixedFlags.emplace();
      for (++I; I != Args.size(); ++I)
        R.FixedFlags->push_back(Args[I].str());
      break;
    }
    if (A == "-h" || A == "--help") {
      outs() << Usage
             << "  compile commands: -p BUILD_DIR (its compile_commands.json), "
                "else the first compile_commands.json in a parent directory "
                "of each FILE; flags after -- replace both\n"
                "  SETTING: "
             << toolSettingsUsage()
             << "\n"
                "  --compiler-warnings: also clang's own warnings (hidden, "
                "and never errors)\n"
                "  exit status: 0 clean, 1 errors, 2 bad usage or input\n";
      return 0;
    }
    if (A.consume_front("--format=")) {
      if (A == "text")
        R.Fmt = Format::Text;
      else if (A == "json")
        R.Fmt = Format::Json;
      else if (A == "sarif")
        R.Fmt = Format::Sarif;
      else
        return fail("unknown format '" + A + "' (text, json, sarif)");
    } else if (A == "-p" || A == "-o") {
      if (I + 1 == Args.size())
        return fail(A + " needs a value");
      (A == "-p" ? R.BuildDir : R.Output) = Args[++I].str();
    } else if (A.consume_front("-p=")) {
      R.BuildDir = A.str();
    } else if (A == "--compiler-warnings") {
      CompilerWarnings = true;
    } else if (A.starts_with("--")) {
      if (std::optional<std::string> Err = applyOption(A.drop_front(2), R.Opts))
        return fail(*Err);
    } else if (A.starts_with("-") && A != "-") {
      return fail("unknown option '" + A + "'\n" + Usage);
    } else {
      R.Files.push_back(A.str());
    }
  }
  if (R.Files.empty())
    return fail(Twine("no input files\n") + Usage);
  if (R.Fmt == Format::Text && !R.Output.empty())
    return fail("-o needs --format=json or --format=sarif");
  // The builtin headers (<stddef.h>, <stdarg.h>) are clang-19's: ClangTool
  // would look for them next to this executable.
  if (!sys::fs::is_directory(INITCHECK_CLANG_RESOURCE_DIR "/include"))
    return fail("clang-19's builtin headers are missing ("
                INITCHECK_CLANG_RESOURCE_DIR "/include); install clang-19");
  return std::nullopt;
}

/// Check one file, its findings appended to \p All. Sets \p Status when the
/// file could not be checked; an exit status when the command must stop.
std::optional<int> checkFile(const CheckRequest &R, CompileCommands &DBs,
                             const std::string &File, std::vector<Finding> &All,
                             bool &Errors, int &Status) {
  SmallString<256> Abs(File);
  if (std::error_code EC = sys::fs::make_absolute(Abs)) {
    Status = fail(File + ": " + EC.message());
    return std::nullopt;
  }
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (!sys::fs::is_regular_file(Abs)) {
    Status = fail(File + ": No such file or directory");
    return std::nullopt;
  }
  std::string Json, Error;
  bool Fatal = false;
  CompilationDatabase *DB = DBs.forFile(Abs, Json, Error, Fatal);
  if (!DB) {
    if (Fatal)
      return fail(Error);
    Status = fail(File + Error);
    return std::nullopt;
  }
  if (DB->getCompileCommands(Abs).empty()) {
    if (isHeader(Abs)) {
      errs() << "initcheck check: " << File
             << ": a header without its own entry in " << Json
             << ", skipped (the files that include it check it)\n";
      return std::nullopt;
    }
    Status = fail(File + ": no entry in " + Json +
                  " (build it once, or pass flags after --)");
    return std::nullopt;
  }

  FileResult Result;
  ClangTool Tool(*DB, {std::string(Abs)});
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(stripPluginAdjuster());
  Tool.appendArgumentsAdjuster(gccCommandLineAdjuster(CompilerWarnings));
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      "-resource-dir=" INITCHECK_CLANG_RESOURCE_DIR,
      ArgumentInsertPosition::BEGIN));
  CheckActionFactory Factory(R.Opts, R.Fmt == Format::Text, Result);
  Tool.run(&Factory);
  if (!Result.Analyzed) {
    Status = fail(File + ": clang could not compile it, nothing checked");
    return std::nullopt;
  }
  for (Finding &F : Result.Findings) {
    Errors |= failsBuild(F);
    All.push_back(std::move(F));
  }
  return std::nullopt;
}

/// The JSON or SARIF document, to stdout or -o, and the SARIF file of
/// --sarif=; an exit status when one cannot be written.
std::optional<int> writeDocuments(const CheckRequest &R,
                                  const std::vector<Finding> &All) {
  if (R.Fmt != Format::Text) {
    std::string Doc;
    if (R.Fmt == Format::Sarif) {
      Doc = sarifDocument(All);
    } else {
      raw_string_ostream OS(Doc);
      json::OStream J(OS, 1);
      J.object([&] {
        J.attributeArray("findings", [&] {
          std::vector<std::string> Prints = fingerprints(All);
          for (size_t N = 0; N != All.size(); ++N)
            writeFindingJson(J, All[N], Prints[N]);
        });
      });
      OS << "\n";
    }
    if (R.Output.empty())
      outs() << Doc;
    else if (std::optional<std::string> Err = writeFileAtomically(R.Output, Doc))
      return fail(*Err);
  }
  if (!R.Opts.SarifFile.empty())
    if (std::optional<std::string> Err =
            writeFileAtomically(R.Opts.SarifFile, sarifDocument(All)))
      return fail(*Err);
  return std::nullopt;
}

} // namespace

int runCheck(ArrayRef<StringRef> Args) {
  CheckRequest R;
  SmallString<256> Cwd;
  if (!sys::fs::current_path(Cwd))
    StartDir = Cwd.str().str();
  if (std::optional<int> Exit = parseCheckArgs(Args, R))
    return *Exit;
  CompileCommands DBs(R.FixedFlags, R.BuildDir);
  int Status = 0;
  bool Errors = false;
  std::vector<Finding> All;
  for (const std::string &File : R.Files)
    if (std::optional<int> Exit = checkFile(R, DBs, File, All, Errors, Status))
      return *Exit;
  // Bad input writes no document: a partial report would read as clean.
  if (Status)
    return Status;
  if (std::optional<int> Exit = writeDocuments(R, All))
    return *Exit;
  return Errors ? 1 : 0;
}

} // namespace initcheck
