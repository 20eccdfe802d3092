//===- InitcheckPlugin.cpp - clang-19 -fplugin=initcheck.so ---------------===//
//
// The compiler front: runs the core on each translation unit before code
// generation, so a mismatch is a compile error on the exact line. Clang 19
// gives plugin diagnostics no -W group (they ignore -Werror, -w and
// pragmas), so severity is chosen with the plugin's own arguments:
//
//   -fplugin-arg-initcheck-warn-only          errors become warnings
//   -fplugin-arg-initcheck-modpost-compat     modpost 6.12's verdicts exactly
//   -fplugin-arg-initcheck-disable=ID[,ID]    switch rules off
//   -fplugin-arg-initcheck-sarif=FILE         also write SARIF 2.1.0 to FILE
//   -fplugin-arg-initcheck-baseline=FILE      its findings are accepted
//   -fplugin-arg-initcheck-help               list settings and rules
// and the project settings of checks/program/Options.h (whitelist=, init-section=,
// exit-section=).
//
// The plugin name has no dash: clang splits -fplugin-arg-NAME-ARG at the
// first dash after "arg-", so a dashed name silently loses its arguments.
//
//===----------------------------------------------------------------------===//
#include "checks/reports/DiagnosticsSink.h"
#include "checks/collect/FactCollector.h"
#include "checks/collect/Locations.h"
#include "checks/facts/FactsFormat.h"
#include "checks/program/UnitSummary.h"
#include "checks/program/Options.h"
#include "checks/rules/Rules.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/Sarif.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendOptions.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace initcheck;

namespace {

class InitcheckConsumer : public ASTConsumer {
public:
  InitcheckConsumer(CompilerInstance &CI, InitcheckOptions Opts)
      : CI(CI), Opts(std::move(Opts)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    const CodeGenOptions &CG = CI.getCodeGenOpts();
    TuAnalysis A = analyzeTranslationUnit(
        Ctx, CI.getPreprocessor(), CG.DataSections || CG.PrepareForLTO, Opts);
    if (!A.Analyzed)
      return;
    reportTranslationUnit(Ctx, A, Opts, /*Emit=*/true);
    if (!Opts.SarifFile.empty())
      writeSarif(Diags, A.Findings);
    if (!Opts.NoFacts && producesCode() && !Diags.hasErrorOccurred())
      emitFacts(Ctx, A.Facts);
  }

private:
  /// sarif=FILE: the findings of this translation unit, written atomically
  /// (a reader sees the previous file or this one, never a partial one).
  void writeSarif(DiagnosticsEngine &Diags,
                  const std::vector<Finding> &Findings) {
    if (std::optional<std::string> Err =
            writeFileAtomically(Opts.SarifFile, sarifDocument(Findings))) {
      unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(
          DiagnosticIDs::Error, "initcheck: cannot write SARIF: %0");
      Diags.Report(ID) << *Err;
    }
  }

  bool producesCode() const {
    frontend::ActionKind A = CI.getFrontendOpts().ProgramAction;
    return A == frontend::EmitObj || A == frontend::EmitAssembly ||
           A == frontend::EmitBC || A == frontend::EmitLLVM;
  }

  /// Store the facts in the object file for `initcheck link`: a file-scope
  /// asm statement handed to the code generator, which has not finished the
  /// module yet (this consumer runs before it).
  /// A target whose objects cannot carry the record gets one remark per
  /// compile instead: the compile must succeed exactly as without the
  /// plugin. A remark, not a warning: nothing in the code is wrong, and a
  /// remark is never counted as a warning nor raised by any -Werror form.
  void emitFacts(ASTContext &Ctx, TuFacts &Facts) {
    const llvm::Triple &T = Ctx.getTargetInfo().getTriple();
    if (!targetStoresFacts(T)) {
      DiagnosticsEngine &Diags = Ctx.getDiagnostics();
      unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(
          DiagnosticIDs::Remark,
          "initcheck: no facts for 'initcheck link' in this object: target "
          "'%0' takes no ELF section directives (this file's checks still "
          "ran)");
      Diags.Report(ID) << T.str();
      return;
    }
    resolveLocations(Facts, Ctx.getSourceManager());
    std::string Asm = factsAsm(encodeFacts(summarizeUnit(Facts)));
    QualType Ty = Ctx.getConstantArrayType(
        Ctx.CharTy, llvm::APInt(32, Asm.size() + 1), nullptr,
        ArraySizeModifier::Normal, 0);
    auto *Str = clang::StringLiteral::Create(
        Ctx, Asm, StringLiteralKind::Ordinary, false, Ty, SourceLocation());
    auto *D = FileScopeAsmDecl::Create(Ctx, Ctx.getTranslationUnitDecl(), Str,
                                       SourceLocation(), SourceLocation());
    CI.getASTConsumer().HandleTopLevelDecl(DeclGroupRef(D));
  }


  CompilerInstance &CI;
  InitcheckOptions Opts;
};

class InitcheckAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<InitcheckConsumer>(CI, Opts);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    auto Fail = [&](const std::string &Message) {
      unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(
          DiagnosticIDs::Error, "initcheck: %0");
      Diags.Report(ID) << Message;
      return false;
    };
    for (const std::string &Arg : Args)
      if (std::optional<std::string> Error = applyOption(Arg, Opts))
        return Fail(*Error);
    if (Opts.Help) {
      llvm::errs() << "initcheck plugin arguments (-fplugin-arg-initcheck-ARG):\n"
                   << optionSummary() << "rules:\n";
      for (const RuleInfo &R : allRules())
        llvm::errs() << "  " << R.Id
                     << (R.ByEvidence ? " (error when proven, else advice)"
                         : R.IsAdvice ? " (advice)"
                                      : "")
                     << ": " << R.Summary << "\n";
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  InitcheckOptions Opts;
};

} // namespace

static FrontendPluginRegistry::Add<InitcheckAction>
    X("initcheck", "reject references to init and exit memory");
