//===- elf.c - Symbol tables, to name what a fault touched ----------------===//
//
// The program's own (/proc/self/exe) and each module's, mapped from the
// file so that the signal handler only reads memory.
//
//===----------------------------------------------------------------------===//
#include "runtime.h"

//===----------------------------------------------------------------------===//
// Symbol tables: the program's own (/proc/self/exe) and each module's, mapped
// from the file so that the signal handler only reads memory
// (async-signal-safe). A module may be any file: every offset is checked.
//===----------------------------------------------------------------------===//


struct ElfImage Program;

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
int mapElfImage(int Fd, struct ElfImage *Img) {
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

void unmapElfImage(struct ElfImage *Img) {
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

const char *symbolName(const struct ElfImage *Img,
                              const Elf64_Sym *Sym) {
  return Sym->st_name < Img->SymbolNamesSize ? Img->SymbolNames + Sym->st_name
                                             : "?";
}

const char *sectionName(const struct ElfImage *Img, size_t Index) {
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
const Elf64_Sym *findSymbol(const struct ElfImage *Img, uintptr_t Addr) {
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
void demangleSymbolsIn(struct ElfImage *Img, uintptr_t Begin,
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
const char *functionName(const struct ElfImage *Img, const void *Fn,
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

void loadProgramSymbols(void) {
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

// What the dynamic loader maps must lie in the file: a segment past its end
// would fault (SIGBUS) inside dlopen.
int hasValidSegments(const struct ElfImage *Img) {
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

int hasDefinedSymbol(const struct ElfImage *Img, const char *Name) {
  for (size_t I = 0; I != Img->SymbolCount; ++I)
    if (Img->Symbols[I].st_shndx != SHN_UNDEF &&
        strcmp(symbolName(Img, &Img->Symbols[I]), Name) == 0)
      return 1;
  return 0;
}
