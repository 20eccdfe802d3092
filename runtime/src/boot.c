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
// A project's own levels (INITCHECK_INITCALL_LEVELS=presmp,1, as the
// plugin's initcall-levels= declares them) run instead, in that order.
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
// boot; INITCHECK_INITCALL_LEVELS=L,L declares the initcall levels.
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

// The levels a project declares instead of the kernel's, in run order
// (INITCHECK_INITCALL_LEVELS=presmp,1; `initcheck run` sets it from the
// order table), at most this many.
enum { MaxDeclaredLevels = 64 };

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

// The entries of level \p Name: the linker script's slice when the
// kernel has the level, else the output section the linker made of the
// orphan .initcall<Name>.init, which the scripts do not place (so it is
// not freed with init memory). Empty when the program has none.
static struct InitcallLevel findLevel(const char *Name, size_t Len,
                                      const struct InitcallLevel *Kernel,
                                      size_t KernelCount, char *NameBuf) {
  struct InitcallLevel L = {NameBuf, NULL, NULL};
  snprintf(NameBuf, Len + 1, "%s", Name);
  for (size_t K = 0; K != KernelCount; ++K)
    if (strcmp(Kernel[K].Name, NameBuf) == 0) {
      L.Start = Kernel[K].Start;
      L.End = Kernel[K].End;
      return L;
    }
  char Section[96];
  snprintf(Section, sizeof(Section), ".initcall%s.init", NameBuf);
  for (size_t I = 0; I != Program.SectionCount; ++I)
    if (strcmp(sectionName(&Program, I), Section) == 0) {
      L.Start = (const char *)(Program.Sections[I].sh_addr + Program.LoadBias);
      L.End = L.Start + Program.Sections[I].sh_size;
    }
  return L;
}

// True when \p Section (".initcallpresmp.init") is the table of a level in
// \p Levels.
static int isRunLevel(const char *Section, const struct InitcallLevel *Levels,
                      size_t Count) {
  for (size_t L = 0; L != Count; ++L) {
    size_t N = strlen(Levels[L].Name);
    if (strncmp(Section + 9, Levels[L].Name, N) == 0 &&
        strcmp(Section + 9 + N, ".init") == 0)
      return 1;
  }
  return 0;
}

// An initcall table the linker kept apart (an orphan .initcall<L>.init) of
// a level that does not run is said, never skipped without a word.
static void reportUnrunTables(const struct InitcallLevel *Levels,
                              size_t Count) {
  for (size_t I = 0; I != Program.SectionCount; ++I) {
    const char *Section = sectionName(&Program, I);
    size_t N = strlen(Section);
    if (strncmp(Section, ".initcall", 9) != 0 || N < 14 ||
        strcmp(Section + N - 5, ".init") != 0 ||
        isRunLevel(Section, Levels, Count))
      continue;
    logLine("initcheck: %s: level '%.*s' is not declared "
            "(INITCHECK_INITCALL_LEVELS): its %zu initcalls do not run\n",
            Section, (int)(N - 14), Section + 9,
            (size_t)(Program.Sections[I].sh_size / sizeof(initcall_t)));
  }
}

// Run every initcall of \p Levels, level by level.
static void runLevels(const struct InitcallLevel *Levels, size_t Count) {
  reportUnrunTables(Levels, Count);
  for (size_t L = 0; L != Count; ++L)
    for (const char *Entry = Levels[L].Start; Entry < Levels[L].End;
         Entry += sizeof(initcall_t))
      doOneInitcall(*(const initcall_t *)Entry, Levels[L].Name);
}

// The declared levels of \p Spec ("presmp,1") into \p Out; their count.
static size_t declaredLevels(const char *Spec,
                             const struct InitcallLevel *Kernel,
                             size_t KernelCount, struct InitcallLevel *Out,
                             char (*Names)[64]) {
  size_t Count = 0;
  for (const char *P = Spec; *P && Count != MaxDeclaredLevels;) {
    size_t Len = strcspn(P, ",");
    if (Len != 0 && Len < 64) {
      Out[Count] = findLevel(P, Len, Kernel, KernelCount, Names[Count]);
      ++Count;
    }
    P += Len + (P[Len] == ',');
  }
  return Count;
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
  const size_t KernelCount = sizeof(Levels) / sizeof(Levels[0]);
  const char *Declared = getenv("INITCHECK_INITCALL_LEVELS");
  if (Declared && *Declared) {
    static struct InitcallLevel Own[MaxDeclaredLevels];
    static char Names[MaxDeclaredLevels][64];
    runLevels(Own, declaredLevels(Declared, Levels, KernelCount, Own, Names));
  } else {
    runLevels(Levels, KernelCount);
  }
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
