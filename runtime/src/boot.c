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
// It also loads modules (<initcheck/module.h>): shared objects built with
// -DMODULE and linked with initcheck-module.ld, whose init runs at insmod,
// after which their init pages are freed in the same way.
//
// INITCHECK_DEBUG=1 logs every call in the style of the kernel's
// initcall_debug, and the amount of init memory freed. INITCHECK_TRACE=FILE
// sends that log, and every other line of the runtime's, to FILE instead of
// stderr (`initcheck run`); INITCHECK_MODULES=A.so:B.so loads modules after
// boot.
//
//===----------------------------------------------------------------------===//

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
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

// The runtime's log: the debug trace, failed initcalls, module load errors
// and the fault report. stderr, or the file INITCHECK_TRACE names, so that
// under `initcheck run` the program's own stderr stays untouched.
static FILE *Log;
static int LogFd = STDERR_FILENO;

__attribute__((format(printf, 1, 2))) static void logLine(const char *Format,
                                                          ...) {
  va_list Args;
  va_start(Args, Format);
  vfprintf(Log ? Log : stderr, Format, Args);
  va_end(Args);
}

static void openLog(void) {
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

//===----------------------------------------------------------------------===//
// Symbol tables: the program's own (/proc/self/exe) and each module's, mapped
// from the file so that the signal handler only reads memory
// (async-signal-safe). A module may be any file: every offset is checked.
//===----------------------------------------------------------------------===//

typedef char *(*DemangleFn)(const char *, char *, size_t *, int *);

struct ElfImage {
  const char *Base;
  size_t Size;
  const Elf64_Ehdr *Header;
  const Elf64_Shdr *Sections;
  size_t SectionCount;
  const char *SectionNames;
  size_t SectionNamesSize;
  const Elf64_Sym *Symbols;
  size_t SymbolCount;
  const char *SymbolNames;
  size_t SymbolNamesSize;
  uintptr_t LoadBias;
  // Demangled names of the symbols in init memory, made before the memory
  // is freed: the fault handler cannot allocate.
  const char **InitNames;
  DemangleFn Demangle;
};

static struct ElfImage Program;

// A section's bytes, if they lie in the file.
static const char *sectionData(const struct ElfImage *Img, size_t Index,
                               size_t *Size) {
  if (Index >= Img->SectionCount)
    return NULL;
  const Elf64_Shdr *Sec = &Img->Sections[Index];
  if (Sec->sh_type == SHT_NOBITS || Sec->sh_offset > Img->Size ||
      Sec->sh_size > Img->Size - Sec->sh_offset)
    return NULL;
  *Size = Sec->sh_size;
  return Img->Base + Sec->sh_offset;
}

// A string table usable as one: in the file and NUL-terminated.
static const char *stringTable(const struct ElfImage *Img, size_t Index,
                               size_t *Size) {
  const char *Data = sectionData(Img, Index, Size);
  return Data && *Size && Data[*Size - 1] == '\0' ? Data : NULL;
}

// Reads the section headers and the symbol table (.symtab, else .dynsym
// for a stripped file) of the ELF file Fd. Returns 0, -ENOEXEC for a file
// that is not a 64-bit ELF file, or another -errno.
static int mapElfImage(int Fd, struct ElfImage *Img) {
  memset(Img, 0, sizeof(*Img));
  struct stat St;
  if (fstat(Fd, &St) != 0)
    return -errno;
  if (S_ISDIR(St.st_mode))
    return -EISDIR;
  if (!S_ISREG(St.st_mode) || (size_t)St.st_size < sizeof(Elf64_Ehdr))
    return -ENOEXEC;
  void *Map = mmap(NULL, St.st_size, PROT_READ, MAP_PRIVATE, Fd, 0);
  if (Map == MAP_FAILED)
    return -errno;
  Img->Base = Map;
  Img->Size = St.st_size;
  Img->Header = Map;
  const Elf64_Ehdr *H = Img->Header;
  if (memcmp(H->e_ident, ELFMAG, SELFMAG) != 0 ||
      H->e_ident[EI_CLASS] != ELFCLASS64 || H->e_ident[EI_DATA] != ELFDATA2LSB)
    return -ENOEXEC;
  if (H->e_shoff == 0 || H->e_shentsize != sizeof(Elf64_Shdr) ||
      H->e_shoff > Img->Size ||
      (uint64_t)H->e_shnum * sizeof(Elf64_Shdr) > Img->Size - H->e_shoff ||
      H->e_shoff % _Alignof(Elf64_Shdr) != 0)
    return 0; // No section headers: no names, but not an error.
  Img->Sections = (const Elf64_Shdr *)(Img->Base + H->e_shoff);
  Img->SectionCount = H->e_shnum;
  Img->SectionNames = stringTable(Img, H->e_shstrndx, &Img->SectionNamesSize);
  for (int Wanted = SHT_SYMTAB;; Wanted = SHT_DYNSYM) {
    for (size_t I = 0; I != Img->SectionCount; ++I) {
      const Elf64_Shdr *Sec = &Img->Sections[I];
      size_t Size, NamesSize;
      const char *Data;
      const char *Names;
      if (Sec->sh_type != (Elf64_Word)Wanted ||
          Sec->sh_entsize != sizeof(Elf64_Sym) ||
          !(Data = sectionData(Img, I, &Size)) ||
          (Sec->sh_offset % _Alignof(Elf64_Sym)) != 0 ||
          !(Names = stringTable(Img, Sec->sh_link, &NamesSize)))
        continue;
      Img->Symbols = (const Elf64_Sym *)Data;
      Img->SymbolCount = Size / sizeof(Elf64_Sym);
      Img->SymbolNames = Names;
      Img->SymbolNamesSize = NamesSize;
      return 0;
    }
    if (Wanted == SHT_DYNSYM)
      return 0;
  }
}

static void unmapElfImage(struct ElfImage *Img) {
  if (Img->InitNames) {
    for (size_t I = 0; I != Img->SymbolCount; ++I)
      if (Img->InitNames[I] != Img->SymbolNames + Img->Symbols[I].st_name)
        free((void *)Img->InitNames[I]);
    free(Img->InitNames);
  }
  if (Img->Base)
    munmap((void *)Img->Base, Img->Size);
  memset(Img, 0, sizeof(*Img));
}

static const char *symbolName(const struct ElfImage *Img,
                              const Elf64_Sym *Sym) {
  return Sym->st_name < Img->SymbolNamesSize ? Img->SymbolNames + Sym->st_name
                                             : "?";
}

static const char *sectionName(const struct ElfImage *Img, size_t Index) {
  if (!Img->SectionNames || Index >= Img->SectionCount ||
      Img->Sections[Index].sh_name >= Img->SectionNamesSize)
    return "?";
  return Img->SectionNames + Img->Sections[Index].sh_name;
}

// The loader's entry names: another symbol at the same address (the
// function they alias) names it better.
static int isModuleEntryName(const char *Name) {
  return strcmp(Name, "init_module") == 0 ||
         strcmp(Name, "cleanup_module") == 0;
}

// The function or object containing Addr (a run-time address), else the
// closest one below it in the same section. Symbols with a type win over
// the linker script's untyped boundary symbols at the same address, and
// any name over a module's init_module/cleanup_module alias.
static const Elf64_Sym *findSymbol(const struct ElfImage *Img, uintptr_t Addr) {
  const Elf64_Sym *Best = NULL;
  uintptr_t Link = Addr - Img->LoadBias;
  for (size_t I = 0; I != Img->SymbolCount; ++I) {
    const Elf64_Sym *Sym = &Img->Symbols[I];
    int Type = ELF64_ST_TYPE(Sym->st_info);
    if (Sym->st_shndx == SHN_UNDEF || Sym->st_shndx >= SHN_LORESERVE ||
        Sym->st_name == 0 || Sym->st_name >= Img->SymbolNamesSize ||
        Sym->st_value > Link ||
        (Type != STT_FUNC && Type != STT_OBJECT && Type != STT_NOTYPE))
      continue;
    if (Sym->st_size && Link - Sym->st_value >= Sym->st_size)
      continue;
    // Only a symbol of the section that holds Addr names it: a stripped
    // file's few dynamic symbols are mostly elsewhere.
    if (Sym->st_shndx < Img->SectionCount &&
        (Img->Sections[Sym->st_shndx].sh_flags & SHF_ALLOC) &&
        Link - Img->Sections[Sym->st_shndx].sh_addr >=
            Img->Sections[Sym->st_shndx].sh_size)
      continue;
    if (!Best || Sym->st_value > Best->st_value) {
      Best = Sym;
      continue;
    }
    if (Sym->st_value != Best->st_value)
      continue;
    int Typed = Type != STT_NOTYPE;
    int BestTyped = ELF64_ST_TYPE(Best->st_info) != STT_NOTYPE;
    if ((Typed && !BestTyped) ||
        (Typed == BestTyped && isModuleEntryName(symbolName(Img, Best)) &&
         !isModuleEntryName(symbolName(Img, Sym))))
      Best = Sym;
  }
  return Best;
}

// C++ names read as the source spells them, as the plugin names them:
// "_ZL8net_corev" is "net_core". __cxa_demangle is there when the program is
// C++ (libstdc++ or libc++ is linked); a C program has no mangled names. A
// C++ module loaded by a C program brings its own (ElfImage.Demangle).
extern char *__cxa_demangle(const char *Mangled, char *Buf, size_t *Length,
                            int *Status) __attribute__((weak));

static const char *demangle(const struct ElfImage *Img, const char *Name) {
  if (strncmp(Name, "_Z", 2) != 0 || !Img->Demangle)
    return Name;
  int Status = 0;
  char *Demangled = Img->Demangle(Name, NULL, NULL, &Status);
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
static const char *demangleInto(const struct ElfImage *Img, const char *Name,
                                char *Buf, size_t Size) {
  const char *Demangled = demangle(Img, Name);
  if (Demangled == Name)
    return Name;
  snprintf(Buf, Size, "%s", Demangled);
  free((void *)Demangled);
  return Buf;
}

// Demangles the names of the symbols in [Begin, End) (link addresses) for
// the fault handler.
static void demangleSymbolsIn(struct ElfImage *Img, uintptr_t Begin,
                              uintptr_t End) {
  if (!Img->InitNames)
    Img->InitNames = calloc(Img->SymbolCount, sizeof(*Img->InitNames));
  if (!Img->InitNames)
    return;
  for (size_t I = 0; I != Img->SymbolCount; ++I) {
    const Elf64_Sym *Sym = &Img->Symbols[I];
    if (Sym->st_value >= Begin && Sym->st_value < End && Sym->st_name &&
        Sym->st_name < Img->SymbolNamesSize && !Img->InitNames[I])
      Img->InitNames[I] = demangle(Img, symbolName(Img, Sym));
  }
}

// The name debug output uses for a function: the symbol table, else the
// dynamic symbols (a stripped binary), else the address.
static const char *functionName(const struct ElfImage *Img, const void *Fn,
                                char *Buf, size_t Size) {
  const Elf64_Sym *Sym = findSymbol(Img, (uintptr_t)Fn);
  if (Sym && Sym->st_value == (uintptr_t)Fn - Img->LoadBias)
    return demangleInto(Img, symbolName(Img, Sym), Buf, Size);
  Dl_info Info;
  if (dladdr(Fn, &Info) && Info.dli_sname && Info.dli_saddr == Fn)
    return Info.dli_sname;
  snprintf(Buf, Size, "%p", Fn);
  return Buf;
}

static int findLoadBias(struct dl_phdr_info *Info, size_t Size, void *Data) {
  (void)Size;
  // The first object is the executable itself.
  *(uintptr_t *)Data = Info->dlpi_addr;
  return 1;
}

static void loadProgramSymbols(void) {
  int Fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return;
  if (mapElfImage(Fd, &Program) != 0)
    unmapElfImage(&Program);
  close(Fd);
  dl_iterate_phdr(findLoadBias, &Program.LoadBias);
  Program.Demangle = __cxa_demangle;
  demangleSymbolsIn(&Program, (uintptr_t)__init_begin - Program.LoadBias,
                    (uintptr_t)__init_end - Program.LoadBias);
}

//===----------------------------------------------------------------------===//
// Modules: what the fault handler needs to know of them. The loader is
// further down.
//===----------------------------------------------------------------------===//

// A page range of a module's init memory, at run-time addresses.
struct InitRange {
  uintptr_t Begin;
  uintptr_t End;
  int Writable;
};

// The kernel's MODULE_NAME_LEN (56, with the NUL).
enum { ModuleNameSize = 56 };

struct Module {
  struct Module *Next; // The one loaded before.
  char Name[ModuleNameSize];
  char *Path;
  void *Handle;
  struct ElfImage Image;
  initcall_t Init;
  exitcall_t Exit;
  struct InitRange *Ranges;
  size_t RangeCount;
  int InitFreed;
  // Its init has returned (MODULE_STATE_LIVE): only then can it go.
  int Live;
};

// Loaded modules, the last loaded first. The fault handler reads the list
// without the lock: a fault cannot wait for it.
static struct Module *Modules;

static const struct Module *moduleWithFreedInit(uintptr_t Addr) {
  for (const struct Module *M = Modules; M; M = M->Next)
    if (M->InitFreed)
      for (size_t I = 0; I != M->RangeCount; ++I)
        if (Addr >= M->Ranges[I].Begin && Addr < M->Ranges[I].End)
          return M;
  return NULL;
}

//===----------------------------------------------------------------------===//
// The fault handler.
//===----------------------------------------------------------------------===//

static void writeString(const char *S) {
  size_t Len = strlen(S);
  while (Len) {
    ssize_t N = write(LogFd, S, Len);
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
  const struct ElfImage *Img = NULL;
  const struct Module *M = NULL;
  if (InitMemoryFreed && inInitMemory(Addr))
    Img = &Program;
  else if ((M = moduleWithFreedInit(Addr)))
    Img = &M->Image;
  if (!Img) {
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
  const Elf64_Sym *Sym = findSymbol(Img, Addr);
  if (Sym) {
    size_t Index = Sym - Img->Symbols;
    writeString(Img->InitNames && Img->InitNames[Index] ? Img->InitNames[Index]
                                                        : symbolName(Img, Sym));
    writeString("+");
    writeHex(Addr - Img->LoadBias - Sym->st_value);
    writeString(" (");
    writeString(sectionName(Img, Sym->st_shndx));
    writeString(")");
  } else {
    writeString("? (no symbol table)");
  }
  // As the kernel's %pS names a module's symbols: "sym+off [module]".
  if (M) {
    writeString(" [");
    writeString(M->Name);
    writeString("]");
  }
  writeString("\n");
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

static void loadModulesFromEnvironment(void);
static void removeModulesAtExit(void);

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

//===----------------------------------------------------------------------===//
// The module loader (kernel/module/main.c): initcheck_insmod and
// initcheck_rmmod, <initcheck/module.h>.
//===----------------------------------------------------------------------===//

// Recursive: a module's init or exit may load or unload another module.
static pthread_mutex_t ModuleLock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

// "drivers/snd-hda.so" -> "snd_hda". Returns 0 or -errno.
static int moduleName(const char *Path, char *Name) {
  const char *Base = strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  size_t Len = strcspn(Base, ".");
  if (Len == 0)
    return -EINVAL;
  if (Len >= ModuleNameSize)
    return -ENAMETOOLONG;
  for (size_t I = 0; I != Len; ++I)
    Name[I] = Base[I] == '-' ? '_' : Base[I];
  Name[Len] = '\0';
  return 0;
}

static struct Module *findModule(const char *Name) {
  for (struct Module *M = Modules; M; M = M->Next)
    if (strcmp(M->Name, Name) == 0)
      return M;
  return NULL;
}

static void unlinkModule(struct Module *Gone) {
  for (struct Module **Link = &Modules; *Link; Link = &(*Link)->Next)
    if (*Link == Gone) {
      *Link = Gone->Next;
      return;
    }
}

static void freeModule(struct Module *M) {
  unmapElfImage(&M->Image);
  free(M->Ranges);
  free(M->Path);
  free(M);
}

// Init memory as the kernel's module_init_section() sees it (a name that
// starts with ".init"), less what a shared object means by .init and
// .init_array: the constructors the dynamic loader runs, resident.
static int isInitSection(const char *Name) {
  return strncmp(Name, ".init.", 6) == 0 || strncmp(Name, ".initcall", 9) == 0;
}

// Whether a section's pages can be computed without overflow.
static int inAddressSpace(const Elf64_Shdr *Sec) {
  return Sec->sh_addr < UINTPTR_MAX / 2 && Sec->sh_size < UINTPTR_MAX / 2;
}

// The page ranges of the module's init sections, which must hold nothing
// else: a page shared with resident code or data cannot be freed. Returns
// 0, or -ENOEXEC after saying why.
static int findInitRanges(struct Module *M) {
  const struct ElfImage *Img = &M->Image;
  if (!Img->SectionCount)
    return 0;
  M->Ranges = calloc(Img->SectionCount, sizeof(*M->Ranges));
  if (!M->Ranges)
    return -ENOMEM;
  for (size_t I = 0; I != Img->SectionCount; ++I) {
    const Elf64_Shdr *Sec = &Img->Sections[I];
    if (!(Sec->sh_flags & SHF_ALLOC) || Sec->sh_size == 0 ||
        !isInitSection(sectionName(Img, I)))
      continue;
    if (!inAddressSpace(Sec)) {
      logLine("%s: section %s lies out of the address space\n", M->Name,
              sectionName(Img, I));
      return -ENOEXEC;
    }
    struct InitRange *R = &M->Ranges[M->RangeCount++];
    R->Begin = pageDown(Sec->sh_addr);
    R->End = pageUp(Sec->sh_addr + Sec->sh_size);
    R->Writable = (Sec->sh_flags & SHF_WRITE) != 0;
  }
  for (size_t I = 0; I != Img->SectionCount; ++I) {
    const Elf64_Shdr *Sec = &Img->Sections[I];
    // .tbss takes no room of its own: its address is the TLS template's.
    if (!(Sec->sh_flags & SHF_ALLOC) || Sec->sh_size == 0 ||
        isInitSection(sectionName(Img, I)) ||
        ((Sec->sh_flags & SHF_TLS) && Sec->sh_type == SHT_NOBITS))
      continue;
    if (!inAddressSpace(Sec)) {
      logLine("%s: section %s lies out of the address space\n", M->Name,
              sectionName(Img, I));
      return -ENOEXEC;
    }
    for (size_t R = 0; R != M->RangeCount; ++R)
      if (Sec->sh_addr < M->Ranges[R].End &&
          Sec->sh_addr + Sec->sh_size > M->Ranges[R].Begin) {
        logLine("%s: init memory shares a page with %s: link the module with "
                "-Wl,-T,initcheck-module.ld\n",
                M->Name, sectionName(Img, I));
        return -ENOEXEC;
      }
  }
  return 0;
}

// The module's segments as loaded, to check its entries against.
struct ModuleSegments {
  const struct link_map *Map;
  const Elf64_Phdr *Headers;
  size_t Count;
};

static int findModuleSegments(struct dl_phdr_info *Info, size_t Size,
                              void *Data) {
  (void)Size;
  struct ModuleSegments *Want = Data;
  if (Info->dlpi_addr != Want->Map->l_addr || !Info->dlpi_name ||
      !Want->Map->l_name || strcmp(Info->dlpi_name, Want->Map->l_name) != 0)
    return 0;
  Want->Headers = Info->dlpi_phdr;
  Want->Count = Info->dlpi_phnum;
  return 1;
}

// Whether [Addr, Addr + Size) lies in one loaded segment of the module,
// an executable one if Executable.
static int inModuleSegment(const struct ModuleSegments *Segs, uintptr_t Addr,
                           size_t Size, int Executable) {
  for (size_t I = 0; I != Segs->Count; ++I) {
    const Elf64_Phdr *P = &Segs->Headers[I];
    uintptr_t Begin = Segs->Map->l_addr + P->p_vaddr;
    if (P->p_type == PT_LOAD && Addr >= Begin &&
        Addr - Begin + Size <= P->p_memsz &&
        (!Executable || (P->p_flags & PF_X)))
      return 1;
  }
  return 0;
}

// Whether the pages [Addr, Addr + Size) belong to one loaded segment.
static int inModulePages(const struct ModuleSegments *Segs, uintptr_t Addr,
                         size_t Size) {
  for (size_t I = 0; I != Segs->Count; ++I) {
    const Elf64_Phdr *P = &Segs->Headers[I];
    uintptr_t Begin = pageDown(Segs->Map->l_addr + P->p_vaddr);
    uintptr_t End = pageUp(Segs->Map->l_addr + P->p_vaddr + P->p_memsz);
    if (P->p_type == PT_LOAD && Addr >= Begin && Addr <= End &&
        Size <= End - Addr)
      return 1;
  }
  return 0;
}

// The module's entry, from the dynamic loader's own view of it (a symbol
// table in the file may say anything): init_module (cleanup_module) is the
// function itself in C (an alias), or a pointer to it in C++. The name may
// resolve to another object (the C library has an init_module): only the
// module's own counts. Returns 0, 1 if found, or -ENOEXEC.
static int findEntry(struct Module *M, const struct ModuleSegments *Segs,
                     const char *Name, void **Fn) {
  void *Addr = dlsym(M->Handle, Name);
  if (!Addr || !inModuleSegment(Segs, (uintptr_t)Addr, 1, 0))
    return 0;
  if (inModuleSegment(Segs, (uintptr_t)Addr, 1, 1)) {
    *Fn = Addr;
    return 1;
  }
  if (inModuleSegment(Segs, (uintptr_t)Addr, sizeof(void *), 0)) {
    memcpy(Fn, Addr, sizeof(void *));
    if (inModuleSegment(Segs, (uintptr_t)*Fn, 1, 1))
      return 1;
  }
  logLine("%s: %s is neither a function of the module nor a pointer to one\n",
          M->Name, Name);
  return -ENOEXEC;
}

// What the dynamic loader maps must lie in the file: a segment past its end
// would fault (SIGBUS) inside dlopen.
static int hasValidSegments(const struct ElfImage *Img) {
  const Elf64_Ehdr *H = Img->Header;
  if (H->e_phentsize != sizeof(Elf64_Phdr) || H->e_phoff > Img->Size ||
      (uint64_t)H->e_phnum * sizeof(Elf64_Phdr) > Img->Size - H->e_phoff ||
      H->e_phoff % _Alignof(Elf64_Phdr) != 0)
    return 0;
  const Elf64_Phdr *P = (const Elf64_Phdr *)(Img->Base + H->e_phoff);
  for (size_t I = 0; I != H->e_phnum; ++I)
    if (P[I].p_type == PT_LOAD && (P[I].p_offset > Img->Size ||
                                   P[I].p_filesz > Img->Size - P[I].p_offset ||
                                   P[I].p_filesz > P[I].p_memsz))
      return 0;
  return 1;
}

static int hasDefinedSymbol(const struct ElfImage *Img, const char *Name) {
  for (size_t I = 0; I != Img->SymbolCount; ++I)
    if (Img->Symbols[I].st_shndx != SHN_UNDEF &&
        strcmp(symbolName(Img, &Img->Symbols[I]), Name) == 0)
      return 1;
  return 0;
}

// After a successful init, as do_init_module() does: the init pages go.
static void freeModuleInit(struct Module *M) {
  size_t Freed = 0;
  for (size_t I = 0; I != M->RangeCount; ++I) {
    struct InitRange *R = &M->Ranges[I];
    if (mprotect((void *)R->Begin, R->End - R->Begin, PROT_NONE) != 0) {
      logLine("%s: cannot free init memory: %s\n", M->Name, strerror(errno));
      continue;
    }
    Freed += R->End - R->Begin;
  }
  M->InitFreed = 1;
  if (DebugEnabled)
    logLine("Freeing unused init memory: %zuK [%s]\n", Freed / 1024, M->Name);
}

static int runModuleInit(struct Module *M) {
  char Buf[256];
  const char *Name =
      functionName(&M->Image, (const void *)M->Init, Buf, sizeof(Buf));
  long long Start = 0;
  if (DebugEnabled) {
    logLine("calling  %s [%s] @ module\n", Name, M->Name);
    Start = nowUsecs();
  }
  int Ret = M->Init();
  if (DebugEnabled)
    logLine("initcall %s [%s] returned %d after %lld usecs\n", Name, M->Name,
            Ret, nowUsecs() - Start);
  if (Ret > 0)
    logLine("%s: '%s'->init suspiciously returned %d, it should follow 0/-E "
            "convention\n%s: loading module anyway...\n",
            M->Name, Name, Ret, M->Name);
  return Ret;
}

static int insmodLocked(const char *Path) {
  if (!Path || !*Path)
    return -EINVAL;
  char Name[ModuleNameSize];
  int Err = moduleName(Path, Name);
  if (Err)
    return Err;
  if (findModule(Name))
    return -EEXIST;
  int Fd = open(Path, O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return -errno;
  struct Module *M = calloc(1, sizeof(*M));
  if (!M) {
    close(Fd);
    return -ENOMEM;
  }
  memcpy(M->Name, Name, sizeof(Name));
  Err = mapElfImage(Fd, &M->Image);
  close(Fd);
  if (Err == -ENOEXEC)
    logLine("%s: not an ELF file\n", Name);
  const Elf64_Ehdr *H = M->Image.Header;
  if (!Err && (H->e_type != ET_DYN || H->e_machine != EM_X86_64)) {
    logLine("%s: not an x86_64 shared object\n", Name);
    Err = -ENOEXEC;
  }
  if (!Err && !hasValidSegments(&M->Image)) {
    logLine("%s: segments out of the file\n", Name);
    Err = -ENOEXEC;
  }
  if (!Err && !hasDefinedSymbol(&M->Image, "init_module") &&
      !hasDefinedSymbol(&M->Image, "cleanup_module")) {
    logLine("%s: not a module: no init_module or cleanup_module\n", Name);
    Err = -ENOEXEC;
  }
  if (!Err)
    Err = findInitRanges(M);
  if (!Err && !(M->Path = realpath(Path, NULL)))
    Err = -errno;
  if (!Err) {
    // Mapped already (a library of the program, or a module an earlier
    // rmmod could not unmap): its init may have run and been freed.
    void *Old = dlopen(M->Path, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
    if (Old) {
      dlclose(Old);
      logLine("%s: %s is already mapped into the process\n", Name, M->Path);
      Err = -EEXIST;
    }
  }
  if (!Err && !(M->Handle = dlopen(M->Path, RTLD_NOW | RTLD_LOCAL))) {
    // dlopen has run nothing of the module. Its message says why (an
    // unknown symbol, for one: the kernel's -ENOENT, but then a caller
    // could not tell it from a missing file).
    const char *Why = dlerror();
    logLine("%s: %s\n", Name, Why ? Why : "cannot load");
    Err = -ENOEXEC;
  }
  if (Err) {
    freeModule(M);
    return Err;
  }
  struct link_map *Map = NULL;
  struct ModuleSegments Segs = {NULL, NULL, 0};
  if (dlinfo(M->Handle, RTLD_DI_LINKMAP, &Map) == 0 && Map) {
    M->Image.LoadBias = Map->l_addr;
    Segs.Map = Map;
    dl_iterate_phdr(findModuleSegments, &Segs);
  }
  void *Init = NULL, *Exit = NULL;
  int HasInit = 0, HasExit = 0;
  if ((HasInit = Err = findEntry(M, &Segs, "init_module", &Init)) >= 0 &&
      (HasExit = Err = findEntry(M, &Segs, "cleanup_module", &Exit)) >= 0 &&
      !HasInit && !HasExit) {
    logLine("%s: not a module: no init_module or cleanup_module\n", Name);
    Err = -ENOEXEC;
  }
  // The section headers said where init memory is; the pages to protect
  // must be the module's own, whatever a damaged file says.
  for (size_t I = 0; Err >= 0 && I != M->RangeCount; ++I)
    if (!inModulePages(&Segs, M->Image.LoadBias + M->Ranges[I].Begin,
                       M->Ranges[I].End - M->Ranges[I].Begin)) {
      logLine("%s: init sections lie outside its segments\n", Name);
      Err = -ENOEXEC;
    }
  if (Err < 0) {
    dlclose(M->Handle);
    freeModule(M);
    return Err;
  }
  M->Init = (initcall_t)Init;
  M->Exit = (exitcall_t)Exit;
  M->Image.Demangle = __cxa_demangle
                          ? __cxa_demangle
                          : (DemangleFn)dlsym(M->Handle, "__cxa_demangle");
  for (size_t I = 0; I != M->RangeCount; ++I)
    demangleSymbolsIn(&M->Image, M->Ranges[I].Begin, M->Ranges[I].End);
  for (size_t I = 0; I != M->RangeCount; ++I) {
    M->Ranges[I].Begin += M->Image.LoadBias;
    M->Ranges[I].End += M->Image.LoadBias;
  }
  M->Next = Modules;
  Modules = M;
  int Ret = M->Init ? runModuleInit(M) : 0;
  if (Ret < 0) {
    // A failed init unloads the module, without its exit.
    unlinkModule(M);
    dlclose(M->Handle);
    freeModule(M);
    return Ret;
  }
  freeModuleInit(M);
  M->Live = 1;
  return 0;
}

int initcheck_insmod(const char *Path) {
  pthread_mutex_lock(&ModuleLock);
  int Ret = insmodLocked(Path);
  pthread_mutex_unlock(&ModuleLock);
  if (Ret < 0)
    errno = -Ret;
  return Ret;
}

static void removeModule(struct Module *M) {
  if (M->Exit) {
    char Buf[256];
    const char *Name = NULL;
    long long Start = 0;
    if (DebugEnabled) {
      Name = functionName(&M->Image, (const void *)M->Exit, Buf, sizeof(Buf));
      logLine("calling  %s [%s] @ module_exit\n", Name, M->Name);
      Start = nowUsecs();
    }
    M->Exit();
    if (DebugEnabled)
      logLine("exitcall %s [%s] returned after %lld usecs\n", Name, M->Name,
              nowUsecs() - Start);
  }
  unlinkModule(M);
  if (dlclose(M->Handle) != 0) {
    const char *Why = dlerror();
    logLine("%s: %s\n", M->Name, Why ? Why : "cannot unload");
  }
  freeModule(M);
}

int initcheck_rmmod(const char *Name) {
  char Wanted[ModuleNameSize];
  size_t Len = Name ? strlen(Name) : 0;
  if (Len == 0 || Len >= ModuleNameSize) {
    errno = ENOENT;
    return -ENOENT;
  }
  for (size_t I = 0; I <= Len; ++I)
    Wanted[I] = Name[I] == '-' ? '_' : Name[I];
  pthread_mutex_lock(&ModuleLock);
  struct Module *M = findModule(Wanted);
  // Still in its init (the init removing itself, say): busy, as the
  // kernel's delete_module() answers for a module that is coming.
  int Ret = !M ? -ENOENT : !M->Live || (M->Init && !M->Exit) ? -EBUSY : 0;
  if (Ret == 0)
    removeModule(M);
  pthread_mutex_unlock(&ModuleLock);
  if (Ret < 0)
    errno = -Ret;
  return Ret;
}

// INITCHECK_MODULES=a.so:b.so, after boot and before main, in that order.
static void loadModulesFromEnvironment(void) {
  const char *List = getenv("INITCHECK_MODULES");
  if (!List || !*List)
    return;
  char *Paths = strdup(List);
  // For this process only, as INITCHECK_TRACE.
  unsetenv("INITCHECK_MODULES");
  if (!Paths)
    return;
  char *Save = NULL;
  for (char *Path = strtok_r(Paths, ":", &Save); Path;
       Path = strtok_r(NULL, ":", &Save)) {
    int Err = initcheck_insmod(Path);
    if (Err < 0)
      logLine("initcheck: insmod %s: %s\n", Path, strerror(-Err));
  }
  free(Paths);
}

// At exit every module that can be unloaded is, the last loaded first (not
// one whose init called exit()).
static void removeModulesAtExit(void) {
  pthread_mutex_lock(&ModuleLock);
  for (;;) {
    struct Module *M = Modules;
    while (M && (!M->Live || (M->Init && !M->Exit)))
      M = M->Next;
    if (!M)
      break;
    removeModule(M);
  }
  pthread_mutex_unlock(&ModuleLock);
}
