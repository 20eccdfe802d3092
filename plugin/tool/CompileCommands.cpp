//===- CompileCommands.cpp - The compile commands initcheck check uses ----===//
#include "CompileCommands.h"

using namespace clang::tooling;
using namespace llvm;

namespace initcheck {

bool isHeader(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext == ".h" || Ext == ".hh" || Ext == ".hpp" || Ext == ".hxx" ||
         Ext == ".inc";
}

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

} // namespace initcheck
