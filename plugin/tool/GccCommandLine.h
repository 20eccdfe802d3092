//===- GccCommandLine.h - GCC compile commands for clang --------*- C++ -*-===//
//
// A compile command written for GCC (a kernel built with CC=gcc, its
// compile_commands.json, or the flags Kbuild passes to $(CHECK)) made into
// one clang-19 parses the same way, and the compiler's own diagnostics kept
// out of the checking fronts' output (docs/usage-check.md#gcc-trees).
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_GCCCOMMANDLINE_H
#define INITCHECK_PLUGIN_TOOL_GCCCOMMANDLINE_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include <memory>

namespace initcheck {

/// The compile command \p Args (argv[0] the compiler, -fsyntax-only already
/// in it) with what clang-19's driver does not accept dropped: options its
/// option table does not know (-fconserve-stack, -mindirect-branch=...),
/// -W options that name no clang warning (-Wimplicit-fallthrough=5,
/// -Wno-maybe-uninitialized), and options the driver rejects for the
/// target (-mrecord-mcount on x86). Defines, include paths, -include,
/// -std, the target and everything else clang knows stay. -Werror is
/// dropped and -Werror=X becomes -WX: the compiler's warnings are not ours
/// to fail a check on. Dependency output (-Wp,-MMD,FILE) is dropped: a
/// check writes nothing.
std::vector<std::string> clangCommandLine(const std::vector<std::string> &Args);

/// clangCommandLine as a ClangTool arguments adjuster; unless
/// \p CompilerWarnings, with -Qunused-arguments (the driver's warnings
/// about options clang takes and ignores are not ours either).
clang::tooling::ArgumentsAdjuster gccCommandLineAdjuster(bool CompilerWarnings);

/// A diagnostic consumer that passes on initcheck's findings (custom
/// diagnostics), every error and fatal error (a file clang cannot compile
/// is not checked, and says why), and the notes of what it passed; the
/// compiler's warnings and remarks only when \p CompilerWarnings.
class CompilerWarningFilter : public clang::DiagnosticConsumer {
public:
  CompilerWarningFilter(clang::DiagnosticConsumer *Inner,
                        std::unique_ptr<clang::DiagnosticConsumer> Owned,
                        bool CompilerWarnings)
      : Inner(Inner), Owned(std::move(Owned)),
        CompilerWarnings(CompilerWarnings) {}

  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override {
    Inner->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Inner->EndSourceFile(); }
  void finish() override { Inner->finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    Inner->clear();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Inner->IncludeInDiagnosticCounts();
  }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

private:
  clang::DiagnosticConsumer *Inner;
  std::unique_ptr<clang::DiagnosticConsumer> Owned;
  bool CompilerWarnings;
  bool LastPassed = false;
};

/// Puts a CompilerWarningFilter in front of \p Diags' consumer.
void filterCompilerWarnings(clang::DiagnosticsEngine &Diags,
                            bool CompilerWarnings);

} // namespace initcheck

#endif
