//===- modules.c - The module loader (kernel/module/main.c) ---------------===//
//
// initcheck_insmod and initcheck_rmmod (<initcheck/module.h>): a module's
// init runs at insmod, then its init pages are freed like the program's.
//
//===----------------------------------------------------------------------===//
#include "runtime.h"

// Loaded modules, the last loaded first. The fault handler reads the list
// without the lock: a fault cannot wait for it.
struct Module *Modules;


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

// The module file opened, checked and dlopen()ed, nothing of it run yet;
// 0 or -errno.
static int openModule(const char *Path, const char *Name,
                      struct Module **Out) {
  int Fd = open(Path, O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return -errno;
  struct Module *M = calloc(1, sizeof(*M));
  if (!M) {
    close(Fd);
    return -ENOMEM;
  }
  memcpy(M->Name, Name, ModuleNameSize);
  int Err = mapElfImage(Fd, &M->Image);
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
  *Out = M;
  return 0;
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
  struct Module *M = NULL;
  Err = openModule(Path, Name, &M);
  if (Err)
    return Err;
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
void loadModulesFromEnvironment(void) {
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
void removeModulesAtExit(void) {
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
