//===- initcheck.c - Boot a user-space program the kernel's way -----------===//
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
// INITCHECK_DEBUG=1 logs every call in the style of the kernel's
// initcall_debug, and the amount of init memory freed.
//
//===----------------------------------------------------------------------===//

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

// The exit status after a touch of freed init memory: 128 + SIGABRT, what a
// shell reports for an aborted program, so scripts treat it as a crash.
enum { InitcheckFaultStatus = 134 };

// Defined by the linker script. Hidden: they are in this program, so the
// references need no GOT entry in a PIE.
#define LINKER_SYMBOL(name) extern char name[] __attribute__((visibility("hidden")))
LINKER_SYMBOL(__init_begin);
LINKER_SYMBOL(__init_rodata_begin);
LINKER_SYMBOL(__init_data_begin);
LINKER_SYMBOL(_einittext);
LINKER_SYMBOL(__init_end);
LINKER_SYMBOL(__con_initcall_start);
LINKER_SYMBOL(__con_initcall_end);
LINKER_SYMBOL(__initcall_start);
LINKER_SYMBOL(__initcall0_start);
LINKER_SYMBOL(__initcall0s_start);
LINKER_SYMBOL(__initcall1_start);
LINKER_SYMBOL(__initcall1s_start);
LINKER_SYMBOL(__initcall2_start);
LINKER_SYMBOL(__initcall2s_start);
LINKER_SYMBOL(__initcall3_start);
LINKER_SYMBOL(__initcall3s_start);
LINKER_SYMBOL(__initcall4_start);
LINKER_SYMBOL(__initcall4s_start);
LINKER_SYMBOL(__initcall5_start);
LINKER_SYMBOL(__initcall5s_start);
LINKER_SYMBOL(__initcallrootfs_start);
LINKER_SYMBOL(__initcallrootfss_start);
LINKER_SYMBOL(__initcall6_start);
LINKER_SYMBOL(__initcall6s_start);
LINKER_SYMBOL(__initcall7_start);
LINKER_SYMBOL(__initcall7s_start);
LINKER_SYMBOL(__initcall_end);
LINKER_SYMBOL(__exitcall_start);
LINKER_SYMBOL(__exitcall_end);

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

static int DebugEnabled;
static int InitMemoryFreed;

//===----------------------------------------------------------------------===//
// The program's own symbol table, mapped at boot so that the signal handler
// only reads memory (async-signal-safe).
//===----------------------------------------------------------------------===//

static const Elf64_Sym *Symbols;
static size_t SymbolCount;
static const char *SymbolNames;
static const Elf64_Shdr *Sections;
static size_t SectionCount;
static const char *SectionNames;
static uintptr_t LoadBias;

static int findLoadBias(struct dl_phdr_info *Info, size_t Size, void *Data) {
  (void)Size;
  // The first object is the executable itself.
  *(uintptr_t *)Data = Info->dlpi_addr;
  return 1;
}

static void loadSymbolTable(void) {
  dl_iterate_phdr(findLoadBias, &LoadBias);
  int Fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return;
  struct stat St;
  void *Image = MAP_FAILED;
  if (fstat(Fd, &St) == 0 && (size_t)St.st_size >= sizeof(Elf64_Ehdr))
    Image = mmap(NULL, St.st_size, PROT_READ, MAP_PRIVATE, Fd, 0);
  close(Fd);
  if (Image == MAP_FAILED)
    return;
  const char *Base = Image;
  const Elf64_Ehdr *Ehdr = Image;
  if (memcmp(Ehdr->e_ident, ELFMAG, SELFMAG) != 0 ||
      Ehdr->e_ident[EI_CLASS] != ELFCLASS64 || Ehdr->e_shoff == 0 ||
      Ehdr->e_shoff + (uint64_t)Ehdr->e_shnum * sizeof(Elf64_Shdr) >
          (uint64_t)St.st_size)
    return;
  Sections = (const Elf64_Shdr *)(Base + Ehdr->e_shoff);
  SectionCount = Ehdr->e_shnum;
  if (Ehdr->e_shstrndx < SectionCount)
    SectionNames = Base + Sections[Ehdr->e_shstrndx].sh_offset;
  for (size_t I = 0; I != SectionCount; ++I) {
    const Elf64_Shdr *Sec = &Sections[I];
    if (Sec->sh_type != SHT_SYMTAB || Sec->sh_link >= SectionCount)
      continue;
    Symbols = (const Elf64_Sym *)(Base + Sec->sh_offset);
    SymbolCount = Sec->sh_size / sizeof(Elf64_Sym);
    SymbolNames = Base + Sections[Sec->sh_link].sh_offset;
    break;
  }
}

// The function or object containing Addr (a run-time address), else the
// closest one below it in the same section. Symbols with a type win over
// the linker script's untyped boundary symbols at the same address.
static const Elf64_Sym *findSymbol(uintptr_t Addr) {
  const Elf64_Sym *Best = NULL;
  uintptr_t Link = Addr - LoadBias;
  for (size_t I = 0; I != SymbolCount; ++I) {
    const Elf64_Sym *Sym = &Symbols[I];
    int Type = ELF64_ST_TYPE(Sym->st_info);
    if (Sym->st_shndx == SHN_UNDEF || Sym->st_shndx >= SHN_LORESERVE ||
        Sym->st_name == 0 || Sym->st_value > Link ||
        (Type != STT_FUNC && Type != STT_OBJECT && Type != STT_NOTYPE))
      continue;
    int Typed = Type != STT_NOTYPE;
    if (Sym->st_size && Link >= Sym->st_value + Sym->st_size)
      continue;
    if (!Best || Sym->st_value > Best->st_value ||
        (Sym->st_value == Best->st_value && Typed &&
         ELF64_ST_TYPE(Best->st_info) == STT_NOTYPE))
      Best = Sym;
  }
  return Best;
}

static const char *sectionName(size_t Index) {
  if (!SectionNames || Index >= SectionCount)
    return "?";
  return SectionNames + Sections[Index].sh_name;
}

// C++ names read as the source spells them, as the plugin names them:
// "_ZL8net_corev" is "net_core". __cxa_demangle is there when the program is
// C++ (libstdc++ or libc++ is linked); a C program has no mangled names.
extern char *__cxa_demangle(const char *Mangled, char *Buf, size_t *Length,
                            int *Status) __attribute__((weak));

static const char *demangle(const char *Name) {
  if (strncmp(Name, "_Z", 2) != 0 || !__cxa_demangle)
    return Name;
  int Status = 0;
  char *Demangled = __cxa_demangle(Name, NULL, NULL, &Status);
  if (Status != 0 || !Demangled)
    return Name;
  // Drop the parameter list: "ns::f(int) const" -> "ns::f".
  size_t Len = strlen(Demangled);
  while (Len && Demangled[Len - 1] != ')')
    --Len;
  for (int Depth = 0; Len--;) {
    Depth += Demangled[Len] == ')';
    Depth -= Demangled[Len] == '(';
    if (Depth == 0) {
      if (Len)
        Demangled[Len] = '\0';
      break;
    }
  }
  return Demangled;
}

// demangle() into Buf, so that debug output leaks nothing.
static const char *demangleInto(const char *Name, char *Buf, size_t Size) {
  const char *Demangled = demangle(Name);
  if (Demangled == Name)
    return Name;
  snprintf(Buf, Size, "%s", Demangled);
  free((void *)Demangled);
  return Buf;
}

static const char *symbolName(const Elf64_Sym *Sym) {
  return SymbolNames + Sym->st_name;
}

// Demangled names of the symbols in init memory, made at boot: the fault
// handler cannot allocate.
static const char **InitSymbolNames;

static void demangleInitSymbols(void) {
  InitSymbolNames = calloc(SymbolCount, sizeof(*InitSymbolNames));
  if (!InitSymbolNames)
    return;
  uintptr_t Begin = (uintptr_t)__init_begin - LoadBias;
  uintptr_t End = (uintptr_t)__init_end - LoadBias;
  for (size_t I = 0; I != SymbolCount; ++I)
    if (Symbols[I].st_value >= Begin && Symbols[I].st_value < End &&
        Symbols[I].st_name)
      InitSymbolNames[I] = demangle(symbolName(&Symbols[I]));
}

// The name debug output uses for a function: the symbol table, else the
// dynamic symbols (a stripped binary), else the address.
static const char *functionName(const void *Fn, char *Buf, size_t Size) {
  const Elf64_Sym *Sym = findSymbol((uintptr_t)Fn);
  if (Sym && Sym->st_value == (uintptr_t)Fn - LoadBias)
    return demangleInto(symbolName(Sym), Buf, Size);
  Dl_info Info;
  if (dladdr(Fn, &Info) && Info.dli_sname && Info.dli_saddr == Fn)
    return Info.dli_sname;
  snprintf(Buf, Size, "%p", Fn);
  return Buf;
}

//===----------------------------------------------------------------------===//
// The fault handler.
//===----------------------------------------------------------------------===//

static void writeString(const char *S) {
  size_t Len = strlen(S);
  while (Len) {
    ssize_t N = write(STDERR_FILENO, S, Len);
    if (N <= 0)
      return;
    S += N;
    Len -= N;
  }
}

static void writeHex(uintptr_t Value) {
  char Buf[2 + 16 + 1];
  char *P = Buf + sizeof(Buf) - 1;
  *P = '\0';
  do {
    *--P = "0123456789abcdef"[Value & 15];
    Value >>= 4;
  } while (Value);
  *--P = 'x';
  *--P = '0';
  writeString(P);
}

static int inInitMemory(uintptr_t Addr) {
  return Addr >= (uintptr_t)__init_begin && Addr < (uintptr_t)__init_end;
}

static void onSegv(int Sig, siginfo_t *Info, void *Context) {
  (void)Context;
  uintptr_t Addr = (uintptr_t)Info->si_addr;
  if (!InitMemoryFreed || !inInitMemory(Addr)) {
    // Not ours: the default action, as if we were never installed. A fault
    // re-executes the instruction and faults again; a sent signal is resent.
    signal(Sig, SIG_DFL);
    if (Info->si_code <= 0)
      raise(Sig);
    return;
  }
  writeString("initcheck: access to freed init memory at ");
  writeHex(Addr);
  writeString(": ");
  const Elf64_Sym *Sym = findSymbol(Addr);
  if (Sym) {
    size_t Index = Sym - Symbols;
    writeString(InitSymbolNames && InitSymbolNames[Index]
                    ? InitSymbolNames[Index]
                    : symbolName(Sym));
    writeString("+");
    writeHex(Addr - LoadBias - Sym->st_value);
    writeString(" (");
    writeString(sectionName(Sym->st_shndx));
    writeString(")\n");
  } else {
    writeString("? (no symbol table)\n");
  }
  _exit(InitcheckFaultStatus);
}

static void installFaultHandler(void) {
  // Its own stack: a fault may come from a stack overflow, and a call into
  // freed text has already pushed onto the program's stack.
  static char AltStack[64 * 1024];
  stack_t Stack = {.ss_sp = AltStack, .ss_size = sizeof(AltStack)};
  sigaltstack(&Stack, NULL);
  struct sigaction Action;
  memset(&Action, 0, sizeof(Action));
  Action.sa_sigaction = onSegv;
  Action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&Action.sa_mask);
  sigaction(SIGSEGV, &Action, NULL);
}

//===----------------------------------------------------------------------===//
// Boot and exit.
//===----------------------------------------------------------------------===//

static long long nowUsecs(void) {
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
    Name = functionName((const void *)Fn, Buf, sizeof(Buf));
    fprintf(stderr, "calling  %s @ %s\n", Name, Level);
    Start = nowUsecs();
  }
  int Ret = Fn();
  if (DebugEnabled)
    fprintf(stderr, "initcall %s returned %d after %lld usecs\n", Name, Ret,
            nowUsecs() - Start);
  else if (Ret != 0)
    fprintf(stderr, "initcall %s returned with error code %d\n",
            functionName((const void *)Fn, Buf, sizeof(Buf)), Ret);
}

static uintptr_t pageDown(uintptr_t Addr) { return Addr & ~(uintptr_t)4095; }
static uintptr_t pageUp(uintptr_t Addr) { return (Addr + 4095) & ~(uintptr_t)4095; }

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
      perror("initcheck: cannot free init memory");
      continue;
    }
    Freed += End - Begin;
  }
  InitMemoryFreed = 1;
  if (DebugEnabled)
    fprintf(stderr, "Freeing unused init memory: %zuK\n", Freed / 1024);
}

// LeakSanitizer's leak check, at exit, scans every writable segment for
// pointers, .init.data's included, and would fault on it. Present when the
// program is built with -fsanitize=address or =leak.
extern void __lsan_do_leak_check(void) __attribute__((weak));

// Registered after the sanitizer's own exit handler, so run before it: init
// data becomes readable again (never writable) for the scan. Under LSan a
// read of init data from a later exit handler is therefore not caught.
static void unprotectInitDataForLeakCheck(void) {
  uintptr_t Begin = pageDown((uintptr_t)__init_rodata_begin);
  uintptr_t End = (uintptr_t)__init_end;
  if (End > Begin)
    mprotect((void *)Begin, End - Begin, PROT_READ);
}

// Before every other constructor of the program (101 is the first priority
// not reserved for the implementation), as the kernel runs its initcalls
// before any user-space code.
__attribute__((constructor(101))) static void initcheckBoot(void) {
  const char *Debug = getenv("INITCHECK_DEBUG");
  DebugEnabled = Debug && *Debug && strcmp(Debug, "0") != 0;
  loadSymbolTable();
  demangleInitSymbols();
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
      Name = functionName((const void *)Fn, Buf, sizeof(Buf));
      fprintf(stderr, "calling  %s @ exit\n", Name);
      Start = nowUsecs();
    }
    Fn();
    if (DebugEnabled)
      fprintf(stderr, "exitcall %s returned after %lld usecs\n", Name,
              nowUsecs() - Start);
  }
}
