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
//   -fplugin-arg-initcheck-help               list settings and rules
// and the project settings of checks/Options.h (whitelist=, init-section=,
// exit-section=).
//
// The plugin name has no dash: clang splits -fplugin-arg-NAME-ARG at the
// first dash after "arg-", so a dashed name silently loses its arguments.
//
//===----------------------------------------------------------------------===//
#include "checks/FactCollector.h"
#include "checks/FactsFormat.h"
#include "checks/Options.h"
#include "checks/Rules.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendOptions.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace initcheck;

namespace {

/// Sends findings to clang's DiagnosticsEngine, in source order.
class DiagnosticsSink : public FindingSink {
public:
  DiagnosticsSink(DiagnosticsEngine &Diags, const SourceManager &SM,
                  bool WarnOnly)
      : Diags(Diags), SM(SM), WarnOnly(WarnOnly) {}

  void report(const Finding &F) override { Pending.push_back(F); }

  void flush() {
    std::vector<size_t> Order(Pending.size());
    for (size_t I = 0; I != Order.size(); ++I)
      Order[I] = I;
    llvm::sort(Order, [&](size_t A, size_t B) {
      SourceLocation LA = SM.getFileLoc(Pending[A].Where.Loc),
                     LB = SM.getFileLoc(Pending[B].Where.Loc);
      if (LA.isValid() && LB.isValid() && LA != LB)
        return SM.isBeforeInTranslationUnit(LA, LB);
      if (LA.isValid() != LB.isValid())
        return LA.isValid();
      return A < B; // reporting order breaks ties: deterministic output
    });
    auto &IDs = *Diags.getDiagnosticIDs();
    unsigned ErrorID = IDs.getCustomDiagID(DiagnosticIDs::Error, "%0");
    unsigned WarningID = IDs.getCustomDiagID(DiagnosticIDs::Warning, "%0");
    unsigned NoteID = IDs.getCustomDiagID(DiagnosticIDs::Note, "%0");
    for (size_t I : Order) {
      const Finding &F = Pending[I];
      bool IsError = F.Level == Severity::Error && !WarnOnly;
      {
        DiagnosticBuilder DB =
            Diags.Report(F.Where.Loc, IsError ? ErrorID : WarningID);
        DB << (F.Message + " [" + F.RuleId.str() + "]");
        for (const FixIt &Fix : F.FixIts) {
          if (Fix.isInsertion())
            DB << FixItHint::CreateInsertion(Fix.Range.getBegin(), Fix.Text);
          else
            DB << FixItHint::CreateReplacement(Fix.Range, Fix.Text);
        }
      }
      for (const FindingNote &N : F.Notes)
        Diags.Report(N.Where.Loc, NoteID) << N.Message;
    }
    Pending.clear();
  }

private:
  DiagnosticsEngine &Diags;
  const SourceManager &SM;
  bool WarnOnly;
  std::vector<Finding> Pending;
};

class InitcheckConsumer : public ASTConsumer {
public:
  InitcheckConsumer(CompilerInstance &CI, InitcheckOptions Opts)
      : CI(CI), Opts(std::move(Opts)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    // An AST with errors in it may be incomplete; stay silent rather than
    // guess (the compile fails anyway).
    if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred())
      return;
    // Under LTO, ld.lld -r leaves every object in .data.<name>, exactly as
    // -fdata-sections does: modpost sees neither.
    const CodeGenOptions &CG = CI.getCodeGenOpts();
    CollectOptions Collect = Opts.Collect;
    Collect.DataSections = CG.DataSections || CG.PrepareForLTO;
    TuFacts Facts = collectFacts(Ctx, &CI.getPreprocessor(), Collect);
    DiagnosticsSink Sink(Diags, Ctx.getSourceManager(), Opts.WarnOnly);
    runRules(Facts, Opts.Analysis, Sink);
    Sink.flush();
    if (!Opts.NoFacts && producesCode() && !Diags.hasErrorOccurred())
      emitFacts(Ctx, Facts);
  }

private:
  bool producesCode() const {
    switch (CI.getFrontendOpts().ProgramAction) {
    case frontend::EmitObj:
    case frontend::EmitAssembly:
    case frontend::EmitBC:
    case frontend::EmitLLVM:
      return true;
    default:
      return false;
    }
  }

  /// Store the facts in the object file for `initcheck link`: a file-scope
  /// asm statement handed to the code generator, which has not finished the
  /// module yet (this consumer runs before it).
  void emitFacts(ASTContext &Ctx, TuFacts &Facts) {
    resolveLocations(Facts, Ctx.getSourceManager());
    std::string Asm = factsAsm(encodeFacts(Facts));
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
        llvm::errs() << "  " << R.Id << (R.IsAdvice ? " (advice)" : "")
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
