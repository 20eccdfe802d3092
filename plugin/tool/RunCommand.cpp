//===- RunCommand.cpp - initcheck run -------------------------------------===//
//
// Runs a program linked with the initcheck runtime with its trace on
// (docs/runtime.md): the runtime writes the trace to a file named by
// INITCHECK_TRACE instead of stderr, so the program's own output stays as it
// is, and loads the modules INITCHECK_MODULES names after the program's
// boot. With --expect-order, the initcalls the runtime ran (the "calling"
// lines, level by level, entry by entry) must be the order table
// `initcheck link --format=json` printed for the program.
//
// Exit status: the program's (128 + N when signal N killed it); 2 for bad
// usage or input, before anything runs; 3 when the order differs from the
// table.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "checks/model/InitcallTable.h"
#include "checks/reports/AtomicFile.h"
#include "checks/reports/OrderTable.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace llvm;

namespace initcheck {
namespace {

using Call = OrderedCall;

/// Bad usage or input: one line, nothing run.
constexpr int UsageStatus = 2;
/// The initcalls ran in another order than the table's.
constexpr int OrderDiffersStatus = 3;

int fail(const Twine &Message) {
  errs() << "initcheck run: " << Message << "\n";
  return UsageStatus;
}

std::string describe(const Call &C) { return C.Function + " @ " + C.Level; }

/// The first difference between the table and what ran, or nothing.
std::optional<std::string> firstDifference(const std::vector<Call> &Expected,
                                           const std::vector<Call> &Ran) {
  size_t Common = std::min(Expected.size(), Ran.size());
  size_t I = 0;
  while (I != Common && Expected[I].Level == Ran[I].Level &&
         Expected[I].Function == Ran[I].Function)
    ++I;
  if (I == Expected.size() && I == Ran.size())
    return std::nullopt;
  // Where in the table: the level, and the entry within it.
  const Call &Where = I < Expected.size() ? Expected[I] : Ran[I];
  size_t Entry = 1;
  for (size_t J = I; J-- > 0 && Expected[J].Level == Where.Level;)
    ++Entry;
  std::string Message = "initcall " + std::to_string(I + 1) + " (level " +
                        Where.Level + ", entry " + std::to_string(Entry) +
                        "): expected ";
  Message += I < Expected.size() ? describe(Expected[I]) : "nothing more";
  Message += ", ran ";
  Message += I < Ran.size() ? describe(Ran[I]) : "nothing more";
  if (I >= Ran.size())
    Message += " (" + std::to_string(Ran.size()) + " of " +
               std::to_string(Expected.size()) + " ran)";
  return Message;
}

/// A module must be there and be a shared object; the runtime gets its
/// absolute path, so the program may change directory.
Expected<std::string> checkModule(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(Buf.getError(),
                             Path + ": " + Buf.getError().message());
  Expected<std::unique_ptr<object::Binary>> Bin =
      object::createBinary((*Buf)->getMemBufferRef());
  const auto *Elf =
      Bin ? dyn_cast<object::ELFObjectFileBase>(Bin->get()) : nullptr;
  if (!Bin)
    consumeError(Bin.takeError());
  if (!Elf || Elf->getEType() != ELF::ET_DYN)
    return createStringError(Path + ": not a shared object (a module is "
                                    "linked with -shared)");
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(Path, Real))
    return createStringError(EC, Path + ": " + EC.message());
  if (Real.str().contains(':'))
    return createStringError(Path +
                             ": a module path cannot contain ':' "
                             "(INITCHECK_MODULES separates paths with it)");
  return Real.str().str();
}

/// Runs Program with Args and the environment Env; returns its exit status
/// (128 + N for signal N), or -1 with Error set.
int spawnAndWait(const std::string &Program, ArrayRef<std::string> Args,
                 ArrayRef<std::string> Env, std::string &Error, int &Signal) {
  std::vector<char *> Argv, Envp;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  for (const std::string &E : Env)
    Envp.push_back(const_cast<char *>(E.c_str()));
  Envp.push_back(nullptr);
  // As system() does: ^C and ^\ are for the program; we wait and report.
  // The program gets the default actions back.
  struct sigaction Ignore = {}, OldInt, OldQuit;
  Ignore.sa_handler = SIG_IGN;
  sigemptyset(&Ignore.sa_mask);
  sigaction(SIGINT, &Ignore, &OldInt);
  sigaction(SIGQUIT, &Ignore, &OldQuit);
  posix_spawnattr_t Attr;
  posix_spawnattr_init(&Attr);
  sigset_t Default;
  sigemptyset(&Default);
  sigaddset(&Default, SIGINT);
  sigaddset(&Default, SIGQUIT);
  posix_spawnattr_setsigdefault(&Attr, &Default);
  posix_spawnattr_setflags(&Attr, POSIX_SPAWN_SETSIGDEF);
  pid_t Pid;
  int Err = posix_spawn(&Pid, Program.c_str(), nullptr, &Attr, Argv.data(),
                        Envp.data());
  posix_spawnattr_destroy(&Attr);
  int Status = 0;
  if (Err == 0)
    while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
    }
  sigaction(SIGINT, &OldInt, nullptr);
  sigaction(SIGQUIT, &OldQuit, nullptr);
  if (Err != 0) {
    Error = Args[0] + ": " + std::strerror(Err);
    return -1;
  }
  Signal = 0;
  if (WIFSIGNALED(Status)) {
    Signal = WTERMSIG(Status);
    return 128 + Signal;
  }
  return WEXITSTATUS(Status);
}

/// What the command line asks for.
struct RunRequest {
  std::string TablePath, TraceOutput;
  std::vector<std::string> ModulePaths;
  std::vector<std::string> ProgramArgs;
};

/// Parse \p Args into \p R; an exit status when the command ends here.
std::optional<int> parseRunArgs(ArrayRef<StringRef> Args, RunRequest &R) {
  size_t I = 0;
  // Options come before the program; everything after it is its own.
  auto Value = [&](StringRef A, StringRef Name,
                   std::string &Out) -> std::optional<int> {
    if (A.consume_front(Name)) {
      if (A.consume_front("=")) {
        Out = A.str();
      } else if (!A.empty()) {
        return fail("unknown option '" + Args[I] + "'");
      } else if (++I == Args.size()) {
        return fail(Name + " needs a value");
      } else {
        Out = Args[I].str();
      }
      if (Out.empty())
        return fail(Name + " needs a value");
      return 0;
    }
    return std::nullopt;
  };
  for (; I != Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--") {
      ++I;
      break;
    }
    if (!A.starts_with("-") || A == "-")
      break;
    std::string Module;
    if (std::optional<int> V = Value(A, "--expect-order", R.TablePath)) {
      if (*V)
        return *V;
    } else if (std::optional<int> V = Value(A, "--trace", R.TraceOutput)) {
      if (*V)
        return *V;
    } else if (std::optional<int> V = Value(A, "--module", Module)) {
      if (*V)
        return *V;
      R.ModulePaths.push_back(Module);
    } else {
      return fail("unknown option '" + A + "'");
    }
  }
  if (I == Args.size())
    return fail("no program to run");
  for (; I != Args.size(); ++I)
    R.ProgramArgs.push_back(Args[I].str());
  return std::nullopt;
}

/// Every input is checked before the program runs: the order table, the
/// modules (\p Modules: their real paths, ':'-separated), the program
/// (\p Program: found on PATH) and --trace's file.
std::optional<int> checkRunInputs(const RunRequest &R,
                                  std::optional<OrderTable> &Table,
                                  std::string &Modules, std::string &Program) {
  if (!R.TablePath.empty()) {
    Expected<OrderTable> T = readOrderTable(R.TablePath);
    if (!T)
      return fail(toString(T.takeError()));
    Table = std::move(*T);
  }
  for (const std::string &M : R.ModulePaths) {
    Expected<std::string> Real = checkModule(M);
    if (!Real)
      return fail(toString(Real.takeError()));
    Modules += (Modules.empty() ? "" : ":") + *Real;
  }
  Program = R.ProgramArgs[0];
  if (Program.find('/') == std::string::npos) {
    ErrorOr<std::string> Found = sys::findProgramByName(Program);
    if (!Found)
      return fail(Program + ": command not found");
    Program = *Found;
  } else if (!sys::fs::exists(Program)) {
    return fail(Program + ": No such file or directory");
  } else if (sys::fs::is_directory(Program) || !sys::fs::can_execute(Program)) {
    return fail(Program + ": not an executable file");
  }
  const std::string &TraceOutput = R.TraceOutput;
  if (!TraceOutput.empty()) {
    StringRef Dir = sys::path::parent_path(TraceOutput);
    if (!Dir.empty() && !sys::fs::is_directory(Dir))
      return fail(TraceOutput + ": no directory " + Dir);
    if (sys::fs::is_directory(TraceOutput))
      return fail(TraceOutput + ": Is a directory");
  }
  return std::nullopt;
}

} // namespace

int runRun(ArrayRef<StringRef> Args) {
  RunRequest R;
  std::optional<OrderTable> Table;
  std::string Modules, Program;
  std::optional<int> Exit = parseRunArgs(Args, R);
  if (!Exit)
    Exit = checkRunInputs(R, Table, Modules, Program);
  if (Exit)
    return *Exit;
  const std::string &TablePath = R.TablePath, &TraceOutput = R.TraceOutput;
  const std::vector<std::string> &ProgramArgs = R.ProgramArgs;

  // The trace goes to a file of our own; --trace gets a copy at the end,
  // written in one go.
  SmallString<128> TracePath;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("initcheck-run", "trace", TracePath))
    return fail("cannot create a trace file: " + EC.message());
  // The runtime's variables are ours to set: a stale INITCHECK_MODULES
  // from the caller's environment would load modules nobody asked for. The
  // levels are the table's, when there is one.
  std::vector<std::string> Env;
  for (char **E = environ; *E; ++E) {
    StringRef Var(*E);
    if (!Var.starts_with("INITCHECK_TRACE=") &&
        !Var.starts_with("INITCHECK_MODULES=") &&
        !(Table && Var.starts_with("INITCHECK_INITCALL_LEVELS=")))
      Env.push_back(Var.str());
  }
  Env.push_back("INITCHECK_TRACE=" + TracePath.str().str());
  if (!Modules.empty())
    Env.push_back("INITCHECK_MODULES=" + Modules);
  if (Table && !Table->Levels.empty())
    Env.push_back("INITCHECK_INITCALL_LEVELS=" + join(Table->Levels, ","));

  outs().flush();
  errs().flush();
  std::string SpawnError;
  int Signal = 0;
  int Status = spawnAndWait(Program, ProgramArgs, Env, SpawnError, Signal);
  ErrorOr<std::unique_ptr<MemoryBuffer>> TraceBuf =
      MemoryBuffer::getFile(TracePath);
  sys::fs::remove(TracePath);
  if (Status < 0)
    return fail(SpawnError);
  std::string Trace = TraceBuf ? (*TraceBuf)->getBuffer().str() : "";

  // The trace on stderr, after the program's own output; with --trace in
  // FILE, and only what is not the trace proper (a fault, a module that
  // would not load) on stderr.
  if (TraceOutput.empty()) {
    errs() << Trace;
  } else {
    SmallVector<StringRef, 64> Lines;
    StringRef(Trace).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef Line : Lines)
      if (!isTraceLine(Line))
        errs() << Line << "\n";
    if (std::optional<std::string> Err =
            writeFileAtomically(TraceOutput, Trace)) {
      errs() << "initcheck run: " << *Err << "\n";
      return UsageStatus;
    }
  }
  if (Signal)
    errs() << "initcheck run: " << ProgramArgs[0] << ": killed by signal "
           << Signal << " (" << strsignal(Signal) << ")\n";

  if (Table) {
    std::vector<Call> Ran = initcallsRan(Trace, Table->Levels);
    if (std::optional<std::string> Diff = firstDifference(Table->Calls, Ran)) {
      errs() << "initcheck run: the initcall order differs from " << TablePath
             << " at " << *Diff;
      if (Trace.empty())
        errs() << "; the program wrote no trace: is it linked with the "
                  "initcheck runtime?";
      errs() << "\n";
      return OrderDiffersStatus;
    }
    errs() << "initcheck run: the initcall order equals " << TablePath << " ("
           << Ran.size() << " initcalls)\n";
  }
  return Status;
}

} // namespace initcheck
