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
#include "GccCommandLine.h"
#include "checks/DiagnosticsSink.h"
#include "checks/FindingIdentity.h"
#include "checks/FindingJson.h"
#include "checks/FactCollector.h"
#include "checks/Options.h"
#include "checks/Rules.h"
#include "checks/Sarif.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
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
        Ctx, CI.getPreprocessor(), CG.DataSections || CG.PrepareForLTO, Opts,
        Emit);
    if (!A.Analyzed)
      return;
    // Documents name files absolutely here (relative names are relative
    // to each command's directory); runCheck shortens them.
    FileManager &FM = CI.getFileManager();
    auto Absolute = [&](Location &L) {
      SmallString<256> P(L.File);
      if (!P.empty() && FM.makeAbsolutePath(P)) {
        sys::path::remove_dots(P, /*remove_dot_dot=*/true);
        L.File = P.str().str();
      }
    };
    for (Finding &F : A.Findings) {
      Absolute(F.Where);
      for (FindingNote &N : F.Notes)
        Absolute(N.Where);
      Out.Findings.push_back(std::move(F));
    }
    Out.Analyzed = true;
  }

private:
  CompilerInstance &CI;
  const InitcheckOptions &Opts;
  bool Emit;
  FileResult &Out;
};

class CheckAction : public ASTFrontendAction {
public:
  CheckAction(const InitcheckOptions &Opts, bool Emit, FileResult &Out)
      : Opts(Opts), Emit(Emit), Out(Out) {}

protected:
  // The compiler's own warnings are not ours (GccCommandLine.h).
  bool BeginInvocation(CompilerInstance &CI) override {
    filterCompilerWarnings(CI.getDiagnostics(), CompilerWarnings);
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<CheckConsumer>(CI, Opts, Emit, Out);
  }

private:
  const InitcheckOptions &Opts;
  bool Emit;
  FileResult &Out;
};

class CheckActionFactory : public FrontendActionFactory {
public:
  CheckActionFactory(const InitcheckOptions &Opts, bool Emit, FileResult &Out)
      : Opts(Opts), Emit(Emit), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(Opts, Emit, Out);
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

bool isHeader(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx" ||
         Ext == ".inc";
}

/// The plugin in a compile command (a kernel built with
/// KCFLAGS=-fplugin=initcheck.so) would run a second time inside the tool.
ArgumentsAdjuster stripPluginAdjuster() {
  return [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out;
    for (size_t I = 0; I != Args.size(); ++I) {
      StringRef A = Args[I];
      if ((A.starts_with("-fplugin=") && A.contains("initcheck")) ||
          A.starts_with("-fplugin-arg-initcheck-"))
        continue;
      Out.push_back(Args[I]);
    }
    return Out;
  };
}

const char Usage[] =
    "usage: initcheck check [-p BUILD_DIR] [--format=text|json|sarif] "
    "[-o FILE] [SETTING...] FILE... [-- FLAGS...]\n";

} // namespace

int runCheck(ArrayRef<StringRef> Args) {
  Format Fmt = Format::Text;
  std::string BuildDir, Output;
  InitcheckOptions Opts;
  std::vector<std::string> Files;
  std::optional<std::vector<std::string>> FixedFlags;
  for (size_t I = 0; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--") {
      FixedFlags.emplace();
      for (++I; I != Args.size(); ++I)
        FixedFlags->push_back(Args[I].str());
      break;
    }
    if (A == "-h" || A == "--help") {
      outs() << Usage
             << "  compile commands: -p BUILD_DIR (its compile_commands.json), "
                "else the first compile_commands.json in a parent directory "
                "of each FILE; flags after -- replace both\n"
                "  SETTING: --warn-only, --modpost-compat, --disable=RULE, "
                "--whitelist=PATTERN, --init-section=NAME, --exit-section=NAME\n"
                "  --compiler-warnings: also clang's own warnings (hidden, "
                "and never errors)\n"
                "  exit status: 0 clean, 1 errors, 2 bad usage or input\n";
      return 0;
    }
    if (A.consume_front("--format=")) {
      if (A == "text")
        Fmt = Format::Text;
      else if (A == "json")
        Fmt = Format::Json;
      else if (A == "sarif")
        Fmt = Format::Sarif;
      else
        return fail("unknown format '" + A + "' (text, json, sarif)");
    } else if (A == "-p" || A == "-o") {
      if (I + 1 == Args.size())
        return fail(A + " needs a value");
      (A == "-p" ? BuildDir : Output) = Args[++I].str();
    } else if (A.consume_front("-p=")) {
      BuildDir = A.str();
    } else if (A == "--compiler-warnings") {
      CompilerWarnings = true;
    } else if (A.starts_with("--")) {
      if (std::optional<std::string> Err = applyOption(A.drop_front(2), Opts))
        return fail(*Err);
    } else if (A.starts_with("-") && A != "-") {
      return fail("unknown option '" + A + "'\n" + Usage);
    } else {
      Files.push_back(A.str());
    }
  }
  if (Files.empty())
    return fail(Twine("no input files\n") + Usage);
  if (Fmt == Format::Text && !Output.empty())
    return fail("-o needs --format=json or --format=sarif");
  // The builtin headers (<stddef.h>, <stdarg.h>) are clang-19's: ClangTool
  // would look for them next to this executable.
  if (!sys::fs::is_directory(INITCHECK_CLANG_RESOURCE_DIR "/include"))
    return fail("clang-19's builtin headers are missing ("
                INITCHECK_CLANG_RESOURCE_DIR "/include); install clang-19");

  // Compile commands: fixed flags, -p, or found per file.
  std::unique_ptr<CompilationDatabase> Fixed;
  if (FixedFlags)
    Fixed = std::make_unique<FixedCompilationDatabase>(".", *FixedFlags);
  StringMap<std::unique_ptr<CompilationDatabase>> Loaded; // by json path
  auto Load = [&](StringRef Json) -> CompilationDatabase * {
    auto &Slot = Loaded[Json];
    if (!Slot) {
      std::string Err;
      Slot = JSONCompilationDatabase::loadFromFile(
          Json, Err, JSONCommandLineSyntax::AutoDetect);
      if (Slot)
        Slot = inferTargetAndDriverMode(
            expandResponseFiles(std::move(Slot), vfs::getRealFileSystem()));
    }
    return Slot.get();
  };

  int Status = 0;
  bool Errors = false;
  std::vector<Finding> All;
  bool Emit = Fmt == Format::Text;
  for (const std::string &File : Files) {
    SmallString<256> Abs(File);
    if (std::error_code EC = sys::fs::make_absolute(Abs)) {
      Status = fail(File + ": " + EC.message());
      continue;
    }
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (!sys::fs::is_regular_file(Abs)) {
      Status = fail(File + ": No such file or directory");
      continue;
    }
    CompilationDatabase *DB = Fixed.get();
    std::string Json;
    if (!DB) {
      if (!BuildDir.empty()) {
        SmallString<256> P(BuildDir);
        sys::path::append(P, "compile_commands.json");
        Json = P.str().str();
        if (!sys::fs::exists(Json))
          return fail(Json + ": No such file or directory");
      } else {
        for (StringRef Dir = sys::path::parent_path(Abs); !Dir.empty();
             Dir = sys::path::parent_path(Dir)) {
          SmallString<256> P(Dir);
          sys::path::append(P, "compile_commands.json");
          if (sys::fs::exists(P)) {
            Json = P.str().str();
            break;
          }
        }
        if (Json.empty()) {
          Status = fail(File +
                        ": no compile_commands.json in its directory or a "
                        "parent (pass -p BUILD_DIR, or flags after --)");
          continue;
        }
      }
      DB = Load(Json);
      if (!DB)
        return fail(Json + ": not a valid compilation database");
    }
    if (DB->getCompileCommands(Abs).empty()) {
      if (isHeader(Abs)) {
        errs() << "initcheck check: " << File
               << ": a header without its own entry in " << Json
               << ", skipped (the files that include it check it)\n";
        continue;
      }
      Status = fail(File + ": no entry in " + Json +
                    " (build it once, or pass flags after --)");
      continue;
    }

    FileResult Result;
    ClangTool Tool(*DB, {std::string(Abs)});
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(stripPluginAdjuster());
    Tool.appendArgumentsAdjuster(gccCommandLineAdjuster(CompilerWarnings));
    Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
        "-resource-dir=" INITCHECK_CLANG_RESOURCE_DIR,
        ArgumentInsertPosition::BEGIN));
    CheckActionFactory Factory(Opts, Emit, Result);
    Tool.run(&Factory);
    if (!Result.Analyzed) {
      Status = fail(File + ": clang could not compile it, nothing checked");
      continue;
    }
    for (Finding &F : Result.Findings) {
      Errors |= F.Level == Severity::Error;
      All.push_back(std::move(F));
    }
  }

  // Files below the current directory (a checkout's root, where CI and
  // pre-commit run) by their relative name: SARIF consumers resolve those
  // against the checkout.
  SmallString<256> Cwd;
  if (!sys::fs::current_path(Cwd)) {
    auto Shorten = [&](Location &L) {
      StringRef F = L.File;
      if (F.consume_front(Cwd) && F.consume_front("/") && !F.empty())
        L.File = F.str();
    };
    for (Finding &F : All) {
      Shorten(F.Where);
      for (FindingNote &N : F.Notes)
        Shorten(N.Where);
    }
  }

  // Bad input writes no document: a partial report would read as clean.
  if (Status == 0 && Fmt != Format::Text) {
    std::string Doc;
    if (Fmt == Format::Sarif) {
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
    if (Output.empty())
      outs() << Doc;
    else if (std::optional<std::string> Err = writeFileAtomically(Output, Doc))
      return fail(*Err);
  }
  if (Status == 0 && !Opts.SarifFile.empty())
    if (std::optional<std::string> Err =
            writeFileAtomically(Opts.SarifFile, sarifDocument(All)))
      return fail(*Err);
  if (Status)
    return Status;
  return Errors ? 1 : 0;
}

} // namespace initcheck
