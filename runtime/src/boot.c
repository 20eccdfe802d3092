//===- boot.c - Boot a user-space program the kernel's way ---------------===//
//
// Linked with runtime/initcheck.ld (or initcheck-keep-exit.ld), this runs a
// program's initcalls before main, as the kernel does before it starts init:
// console initcalls, then level by level (early, 0 .. 7s) in link order.
// Then it frees init memory: the page-aligned [__init_begin, __init_end) is
// made inaccessible, so any later call, read or write of __init code or
// __initdata faults, and a SIGSEGV handler reports the init symbol touched,
// named from the binary's own symbol table. At exit, under the keep-exit
// script, it runs the exit calls last first.
//
// It also loads modules (<initcheck/module.h>): shared objects built with
// -DMODULE and linked with initcheck-module.ld, whose init runs at insmod,
// after which their init pages are freed in the same way.
//
// The other parts: log.c, elf.c, fault.c, modules.c (runtime.h).
//
// INITCHECK_DEBUG=1 logs every call in the style of the kernel's
// initcall_debug, and the amount of init memory freed. INITCHECK_TRACE=FILE
// sends that log, and every other line of the runtime's, to FILE instead of
// stderr (`initcheck run`); INITCHECK_MODULES=A.so:B.so loads modules after
// boot.
//
//===----------------------------------------------------------------------===//
#include "runtime.h"

// The linker script names this in EXTERN(), which pulls this object out of
// libinitcheck-rt.a: a program needs no reference of its own.
const char __initcheck_runtime[] = "initcheck runtime";

// One level: its name, as `initcheck link` prints it, and its slice of the
// table. A level ends where the next begins.
struct InitcallLevel {
  const char *Name;
  const char *Start;
  const char *End;
};

//===----------------------------------------------------------------------===//
// Boot and exit.
//===----------------------------------------------------------------------===//

// Set once boot has freed init memory: a fault there is a use after free.
int InitMemoryFreed;

long long nowUsecs(void) {
  struct timespec Ts;
  clock_gettime(CLOCK_MONOTONIC, &Ts);
  return (long long)Ts.tv_sec * 1000000 + Ts.tv_nsec / 1000;
}

// do_one_initcall(): a failure is reported and boot goes on.
static void doOneInitcall(initcall_t Fn, const char *Level) {
  char Buf[256];
  const char *Name = NULL;
  long long Start = 0;
  if (DebugEnabled) {
    Name = functionName(&Program, (const void *)Fn, Buf, sizeof(Buf));
    logLine("calling  %s @ %s\n", Name, Level);
    Start = nowUsecs();
  }
  int Ret = Fn();
  if (DebugEnabled)
    logLine("initcall %s returned %d after %lld usecs\n", Name, Ret,
            nowUsecs() - Start);
  else if (Ret != 0)
    logLine("initcall %s returned with error code %d\n",
            functionName(&Program, (const void *)Fn, Buf, sizeof(Buf)), Ret);
}

// free_initmem(): the init text, rodata and data pages become inaccessible.
// Each part separately, since they lie in different segments and a linker
// may leave a gap between them.
static void freeInitMemory(void) {
  const uintptr_t Parts[][2] = {
      {(uintptr_t)__init_begin, pageUp((uintptr_t)_einittext)},
      {(uintptr_t)__init_rodata_begin, pageDown((uintptr_t)__init_data_begin)},
      {pageDown((uintptr_t)__init_data_begin), (uintptr_t)__init_end},
  };
  size_t Freed = 0;
  for (size_t I = 0; I != sizeof(Parts) / sizeof(Parts[0]); ++I) {
    uintptr_t Begin = pageDown(Parts[I][0]), End = pageUp(Parts[I][1]);
    if (End <= Begin)
      continue;
    if (mprotect((void *)Begin, End - Begin, PROT_NONE) != 0) {
      logLine("initcheck: cannot free init memory: %s\n", strerror(errno));
      continue;
    }
    Freed += End - Begin;
  }
  InitMemoryFreed = 1;
  if (DebugEnabled)
    logLine("Freeing unused init memory: %zuK\n", Freed / 1024);
}

// LeakSanitizer's leak check, at exit, scans every writable segment for
// pointers, .init.data's included, and would fault on it. Present when the
// program is built with -fsanitize=address or =leak.
extern void __lsan_do_leak_check(void) __attribute__((weak));

// Registered after the sanitizer's own exit handler, so run before it: init
// data becomes readable again (never writable) for the scan, the program's
// and that of any module still loaded. Under LSan a read of init data from
// a later exit handler is therefore not caught.
static void unprotectInitDataForLeakCheck(void) {
  uintptr_t Begin = pageDown((uintptr_t)__init_rodata_begin);
  uintptr_t End = (uintptr_t)__init_end;
  if (End > Begin)
    mprotect((void *)Begin, End - Begin, PROT_READ);
  for (struct Module *M = Modules; M; M = M->Next)
    for (size_t I = 0; M->InitFreed && I != M->RangeCount; ++I)
      if (M->Ranges[I].Writable)
        mprotect((void *)M->Ranges[I].Begin,
                 M->Ranges[I].End - M->Ranges[I].Begin, PROT_READ);
}

// Before every other constructor of the program (101 is the first priority
// not reserved for the implementation), as the kernel runs its initcalls
// before any user-space code.
__attribute__((constructor(101))) static void initcheckBoot(void) {
  const char *Debug = getenv("INITCHECK_DEBUG");
  DebugEnabled = Debug && *Debug && strcmp(Debug, "0") != 0;
  openLog();
  loadProgramSymbols();
  installFaultHandler();

  const struct InitcallLevel Levels[] = {
      {"console", __con_initcall_start, __con_initcall_end},
      {"early", __initcall_start, __initcall0_start},
      {"0", __initcall0_start, __initcall0s_start},
      {"0s", __initcall0s_start, __initcall1_start},
      {"1", __initcall1_start, __initcall1s_start},
      {"1s", __initcall1s_start, __initcall2_start},
      {"2", __initcall2_start, __initcall2s_start},
      {"2s", __initcall2s_start, __initcall3_start},
      {"3", __initcall3_start, __initcall3s_start},
      {"3s", __initcall3s_start, __initcall4_start},
      {"4", __initcall4_start, __initcall4s_start},
      {"4s", __initcall4s_start, __initcall5_start},
      {"5", __initcall5_start, __initcall5s_start},
      {"5s", __initcall5s_start, __initcallrootfs_start},
      {"rootfs", __initcallrootfs_start, __initcall6_start},
      {"6", __initcall6_start, __initcall6s_start},
      {"6s", __initcall6s_start, __initcall7_start},
      {"7", __initcall7_start, __initcall7s_start},
      {"7s", __initcall7s_start, __initcall_end},
  };
  for (size_t L = 0; L != sizeof(Levels) / sizeof(Levels[0]); ++L)
    for (const char *Entry = Levels[L].Start; Entry < Levels[L].End;
         Entry += sizeof(initcall_t))
      doOneInitcall(*(const initcall_t *)Entry, Levels[L].Name);
  freeInitMemory();
  if (__lsan_do_leak_check)
    atexit(unprotectInitDataForLeakCheck);
  // Registered later, so run earlier: modules go before the leak check
  // reads their memory, after the program's own exit handlers, and before
  // the exit calls (a destructor).
  atexit(removeModulesAtExit);
  loadModulesFromEnvironment();
}

// Exit calls, last first. Priority 101 runs this after the program's other
// destructors, as the last thing before the process ends. Under initcheck.ld
// the table is empty: exit calls were discarded at link time.
__attribute__((destructor(101))) static void initcheckExit(void) {
  for (const char *Entry = __exitcall_end; Entry > __exitcall_start;) {
    Entry -= sizeof(exitcall_t);
    exitcall_t Fn = *(const exitcall_t *)Entry;
    char Buf[256];
    const char *Name = NULL;
    long long Start = 0;
    if (DebugEnabled) {
      Name = functionName(&Program, (const void *)Fn, Buf, sizeof(Buf));
      logLine("calling  %s @ exit\n", Name);
      Start = nowUsecs();
    }
    Fn();
    if (DebugEnabled)
      logLine("exitcall %s returned after %lld usecs\n", Name,
              nowUsecs() - Start);
  }
}
