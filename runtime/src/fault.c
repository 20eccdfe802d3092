//===- fault.c - A touch of freed init memory, reported -------------------===//
//
// The SIGSEGV handler: which init symbol (of the program or of a module)
// was called, read or written after its memory was freed.
//
//===----------------------------------------------------------------------===//
#include "runtime.h"

//===----------------------------------------------------------------------===//
// Modules: what the fault handler needs to know of them. The loader is
// further down.
//===----------------------------------------------------------------------===//



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

void installFaultHandler(void) {
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
