//===- runtime.h - The runtime's parts, to each other -------------*- C -*-===//
//
// libinitcheck-rt is split by concern: log.c (the trace), elf.c (symbol
// tables, to name what a fault touched), fault.c (the SIGSEGV handler),
// boot.c (initcalls, freeing init memory, exit calls) and modules.c (the
// loader). What one part uses of another is declared here, renamed into
// the runtime's own namespace (initcheck_rt_*): the archive is linked into
// users' programs, and a user's function called logLine must not meet ours.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_RUNTIME_SRC_RUNTIME_H
#define INITCHECK_RUNTIME_SRC_RUNTIME_H

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

// The exit status after a touch of freed init memory: 128 + SIGABRT, what a
// shell reports for an aborted program, so scripts treat it as a crash.
enum { InitcheckFaultStatus = 134 };

// Hidden too: the program's dynamic symbol table (-rdynamic, for modules)
// has no business with them.
#pragma GCC visibility push(hidden)

#define DebugEnabled initcheck_rt_DebugEnabled
#define InitMemoryFreed initcheck_rt_InitMemoryFreed
#define LogFd initcheck_rt_LogFd
#define Modules initcheck_rt_Modules
#define Program initcheck_rt_Program
#define demangleSymbolsIn initcheck_rt_demangleSymbolsIn
#define findSymbol initcheck_rt_findSymbol
#define functionName initcheck_rt_functionName
#define installFaultHandler initcheck_rt_installFaultHandler
#define loadModulesFromEnvironment initcheck_rt_loadModulesFromEnvironment
#define loadProgramSymbols initcheck_rt_loadProgramSymbols
#define logLine initcheck_rt_logLine
#define mapElfImage initcheck_rt_mapElfImage
#define nowUsecs initcheck_rt_nowUsecs
#define openLog initcheck_rt_openLog
#define removeModulesAtExit initcheck_rt_removeModulesAtExit
#define sectionName initcheck_rt_sectionName
#define symbolName initcheck_rt_symbolName
#define hasValidSegments initcheck_rt_hasValidSegments
#define hasDefinedSymbol initcheck_rt_hasDefinedSymbol
#define unmapElfImage initcheck_rt_unmapElfImage

// log.c
extern int DebugEnabled;
extern int LogFd;
__attribute__((format(printf, 1, 2))) void logLine(const char *Format,
                                                   ...);
void openLog(void);

// elf.c
extern struct ElfImage Program;
void demangleSymbolsIn(struct ElfImage *Img, uintptr_t Begin,
                       uintptr_t End);
const Elf64_Sym *findSymbol(const struct ElfImage *Img, uintptr_t Addr);
const char *functionName(const struct ElfImage *Img, const void *Fn,
                         char *Buf, size_t Size);
void loadProgramSymbols(void);
int mapElfImage(int Fd, struct ElfImage *Img);
const char *sectionName(const struct ElfImage *Img, size_t Index);
const char *symbolName(const struct ElfImage *Img,
                       const Elf64_Sym *Sym);
void unmapElfImage(struct ElfImage *Img);
int hasValidSegments(const struct ElfImage *Img);
int hasDefinedSymbol(const struct ElfImage *Img, const char *Name);


// fault.c
void installFaultHandler(void);

// boot.c
extern int InitMemoryFreed;
long long nowUsecs(void);
static inline uintptr_t pageDown(uintptr_t Addr) {
  return Addr & ~(uintptr_t)4095;
}
static inline uintptr_t pageUp(uintptr_t Addr) {
  return (Addr + 4095) & ~(uintptr_t)4095;
}

// modules.c
void loadModulesFromEnvironment(void);
void removeModulesAtExit(void);
extern struct Module *Modules;

#pragma GCC visibility pop

// "_ZL8net_corev" is "net_core". __cxa_demangle is there when the program is
// C++ (libstdc++ or libc++ is linked); a C program has no mangled names. A
// C++ module loaded by a C program brings its own (ElfImage.Demangle).
// Not hidden: it is libstdc++'s or libc++'s, when the program has one.
extern char *__cxa_demangle(const char *Mangled, char *Buf, size_t *Length,
                            int *Status) __attribute__((weak));

#endif
