//===- AtomicFile.cpp - Replace a file in one step ------------------------===//
#include "checks/reports/AtomicFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {

std::optional<std::string> writeFileAtomically(StringRef Path,
                                               StringRef Content) {
  SmallString<128> Tmp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp%%%%%%", FD, Tmp))
    return Path.str() + ": " + EC.message();
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::string Msg = Path.str() + ": " + OS.error().message();
      OS.clear_error();
      sys::fs::remove(Tmp);
      return Msg;
    }
  }
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return Path.str() + ": " + EC.message();
  }
  return std::nullopt;
}

} // namespace initcheck
