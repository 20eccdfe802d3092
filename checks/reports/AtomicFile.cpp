//===- AtomicFile.cpp - Replace a file in one step ------------------------===//
#include "checks/reports/AtomicFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace initcheck {

/// Write \p Content through \p Path as it is: a symlink, a device
/// (/dev/null), a FIFO or /dev/stdout is opened and written, never replaced.
static std::optional<std::string> writeThrough(StringRef Path,
                                               StringRef Content) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (EC)
    return Path.str() + ": " + EC.message();
  OS << Content;
  OS.close();
  if (OS.has_error()) {
    std::string Msg = Path.str() + ": " + OS.error().message();
    OS.clear_error();
    return Msg;
  }
  return std::nullopt;
}

std::optional<std::string> writeFileAtomically(StringRef Path,
                                               StringRef Content) {
  // Only a regular file (or no file) is replaced by a rename; anything else
  // is written through, as compilers write -o: renaming over a symlink
  // would cut the link, over /dev/null would make it a regular file.
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status, /*Follow=*/false) &&
      Status.type() != sys::fs::file_type::regular_file)
    return writeThrough(Path, Content);
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
