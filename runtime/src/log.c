//===- log.c - The runtime's log ------------------------------------------===//
//
// The debug trace, failed initcalls, module load errors and the fault
// report: to stderr, or to the file INITCHECK_TRACE names.
//
//===----------------------------------------------------------------------===//
#include "runtime.h"

int DebugEnabled;

// The runtime's log: the debug trace, failed initcalls, module load errors
// and the fault report. stderr, or the file INITCHECK_TRACE names, so that
// under `initcheck run` the program's own stderr stays untouched.
static FILE *Log;
int LogFd = STDERR_FILENO;

__attribute__((format(printf, 1, 2))) void logLine(const char *Format,
                                                          ...) {
  va_list Args;
  va_start(Args, Format);
  vfprintf(Log ? Log : stderr, Format, Args);
  va_end(Args);
}

void openLog(void) {
  const char *Path = getenv("INITCHECK_TRACE");
  if (!Path || !*Path)
    return;
  int Fd = open(Path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  FILE *File = Fd >= 0 ? fdopen(Fd, "a") : NULL;
  if (!File) {
    fprintf(stderr, "initcheck: cannot open trace file %s: %s\n", Path,
            strerror(errno));
    if (Fd >= 0)
      close(Fd);
    return;
  }
  // Line by line: the fault handler writes to the descriptor directly and
  // then _exits, so no line may wait in a buffer.
  setvbuf(File, NULL, _IOLBF, 0);
  Log = File;
  LogFd = Fd;
  DebugEnabled = 1;
  // For this process only: a program it runs is not traced into our file.
  unsetenv("INITCHECK_TRACE");
}
