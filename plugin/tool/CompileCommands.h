//===- CompileCommands.h - initcheck check's compile commands -*- C++ -*-===//
#ifndef INITCHECK_PLUGIN_TOOL_COMPILECOMMANDS_H
#define INITCHECK_PLUGIN_TOOL_COMPILECOMMANDS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace initcheck {

using clang::tooling::CompilationDatabase;
using clang::tooling::FixedCompilationDatabase;
using clang::tooling::JSONCompilationDatabase;
using clang::tooling::JSONCommandLineSyntax;
using llvm::SmallString;
using llvm::StringMap;
using llvm::StringRef;
namespace sys = llvm::sys;
namespace vfs = llvm::vfs;

/// Compile commands: fixed flags, -p, or found per file; each
/// compile_commands.json is loaded once.
class CompileCommands {
public:
  CompileCommands(const std::optional<std::vector<std::string>> &FixedFlags,
                  std::string BuildDir)
      : BuildDir(std::move(BuildDir)) {
    if (FixedFlags)
      Fixed = std::make_unique<FixedCompilationDatabase>(".", *FixedFlags);
  }

  /// The database for \p Abs (\p Json: its file, when not fixed flags).
  /// Null when there is none, with \p Error: the whole message when
  /// \p Fatal (the command must stop), else what follows the file's name
  /// (the file is skipped).
  CompilationDatabase *forFile(StringRef Abs, std::string &Json,
                               std::string &Error, bool &Fatal) {
    if (Fixed)
      return Fixed.get();
    if (!BuildDir.empty()) {
      SmallString<256> P(BuildDir);
      sys::path::append(P, "compile_commands.json");
      Json = P.str().str();
      if (!sys::fs::exists(Json)) {
        Fatal = true;
        Error = Json + ": No such file or directory";
        return nullptr;
      }
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
        Error = ": no compile_commands.json in its directory or a "
                "parent (pass -p BUILD_DIR, or flags after --)";
        return nullptr;
      }
    }
    CompilationDatabase *DB = load(Json);
    if (!DB) {
      Fatal = true;
      Error = Json + ": not a valid compilation database";
    }
    return DB;
  }

private:
  CompilationDatabase *load(StringRef Json) {
    auto &Slot = Loaded[Json];
    if (!Slot) {
      std::string Err;
      Slot = JSONCompilationDatabase::loadFromFile(
          Json, Err, JSONCommandLineSyntax::AutoDetect);
      if (Slot)
        Slot = clang::tooling::inferTargetAndDriverMode(
            clang::tooling::expandResponseFiles(std::move(Slot), vfs::getRealFileSystem()));
    }
    return Slot.get();
  }

  std::string BuildDir;
  std::unique_ptr<CompilationDatabase> Fixed;
  StringMap<std::unique_ptr<CompilationDatabase>> Loaded; // by json path
};

/// A header (no compile command of its own is fine: its includers check it).
bool isHeader(StringRef Path);

/// Drops the plugin from a compile command (a kernel built with
/// KCFLAGS=-fplugin=initcheck.so): it would run a second time inside the
/// tool.
clang::tooling::ArgumentsAdjuster stripPluginAdjuster();

} // namespace initcheck

#endif
