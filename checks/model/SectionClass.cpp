//===- SectionClass.cpp - What the kernel does with a section -------------===//
//
// Section lists follow scripts/mod/modpost.c and
// include/asm-generic/vmlinux.lds.h of Linux 6.12.
//
//===----------------------------------------------------------------------===//
#include "checks/model/SectionClass.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace initcheck {

static bool isOneOf(StringRef S, std::initializer_list<StringRef> Names) {
  for (StringRef N : Names)
    if (S == N)
      return true;
  return false;
}

static bool matchesAny(StringRef S, const std::vector<std::string> &Names) {
  for (StringRef N : Names)
    if (N.ends_with("*") ? S.starts_with(N.drop_back()) : S == N)
      return true;
  return false;
}

/// INIT_TEXT and EXIT_TEXT in include/asm-generic/vmlinux.lds.h: where GCC
/// puts main() and constructors, and code only run at exit.
static bool isStartupOrExitText(StringRef S) {
  return S == ".text.startup" || S == ".text.exit";
}

SectionClass modpostClass(SectionClass C, StringRef Section) {
  return isStartupOrExitText(Section) ? SectionClass::Text : C;
}

SectionClass classifySection(StringRef S, const ExtraSections &Extra,
                             bool SplitSections) {
  if (matchesAny(S, Extra.Init))
    return SectionClass::Init;
  if (matchesAny(S, Extra.Exit))
    return SectionClass::Exit;
  if (isStartupOrExitText(S) && !SplitSections)
    return S == ".text.startup" ? SectionClass::Init : SectionClass::Exit;
  // Order matters: ".init.*" needs the dot after "init", so ".initcall6.init"
  // is a table, not init memory, exactly as fnmatch(".init.*") decides.
  if (S.starts_with(".init."))
    return SectionClass::Init;
  if (S.starts_with(".exit."))
    return SectionClass::Exit;
  if (S.starts_with(".initcall") || S.starts_with(".con_initcall.init"))
    return SectionClass::InitTable;
  if (S.starts_with(".exitcall.exit"))
    return SectionClass::ExitTable;
  if (S.starts_with(".ref."))
    return SectionClass::Ref;
  if (S.starts_with(".head.text"))
    return SectionClass::Head;
  if (S == ".export_symbol" || S.starts_with("___ksymtab") ||
      S.starts_with("__ksymtab"))
    return SectionClass::ExportTable;
  if (S.starts_with(".pci_fixup_"))
    return SectionClass::PciFixup;
  if (S == ".text" || S.starts_with(".text.") || S == ".ltext" ||
      S.starts_with(".ltext.") ||
      isOneOf(S, {".sched.text", ".kprobes.text", ".cpuidle.text",
                  ".noinstr.text"}))
    return SectionClass::Text;
  if (isOneOf(S, {".spinlock.text", ".fixup", ".entry.text", ".exception.text",
                  ".coldtext", ".softirqentry.text", ".irqentry.text"}))
    return SectionClass::OtherText;
  if (S == ".data" || S == ".data.rel")
    return SectionClass::Data;
  if (S.starts_with(".rodata") || S.starts_with(".data.rel.ro") ||
      S.starts_with(".data..ro_after_init"))
    return SectionClass::RoData;
  if (S.starts_with(".data.") || S.starts_with(".bss") ||
      S.starts_with(".tdata") || S.starts_with(".tbss") ||
      S.starts_with(".sdata") || S.starts_with(".sbss"))
    return SectionClass::OtherData;
  // .discard.*, .modinfo, .note*, .debug*, .comment and any section a
  // project invents: modpost does not look at them and neither do we.
  return SectionClass::Unchecked;
}

bool isResident(SectionClass C) {
  switch (C) {
  case SectionClass::Text:
  case SectionClass::OtherText:
  case SectionClass::Data:
  case SectionClass::OtherData:
  case SectionClass::RoData:
  case SectionClass::PciFixup:
    return true;
  default:
    return false;
  }
}

namespace {
struct Annotation {
  StringRef Section;
  StringRef Macro;
  bool ForFunctions;
};
} // namespace

// include/linux/init.h (and x86's asm/init.h for __head).
static const Annotation Annotations[] = {
    {".init.text", "__init", true},      {".init.data", "__initdata", false},
    {".init.rodata", "__initconst", false}, {".exit.text", "__exit", true},
    {".exit.data", "__exitdata", false}, {".ref.text", "__ref", true},
    {".ref.data", "__refdata", false},   {".ref.rodata", "__refconst", false},
    {".head.text", "__head", true},
};

StringRef canonicalAnnotation(StringRef Section, bool IsFunction) {
  // "__init variable" reads wrong: an object in .init.text (or a function in
  // .init.data) is described by its section instead.
  for (const Annotation &A : Annotations)
    if (A.Section == Section && A.ForFunctions == IsFunction)
      return A.Macro;
  return "";
}

StringRef sectionOfAnnotation(StringRef Macro) {
  for (const Annotation &A : Annotations)
    if (A.Macro == Macro)
      return A.Section;
  return "";
}

ArrayRef<StringRef> annotationMacros() {
  static const SmallVector<StringRef, 9> Macros = [] {
    SmallVector<StringRef, 9> M;
    for (const Annotation &A : Annotations)
      M.push_back(A.Macro);
    return M;
  }();
  return Macros;
}

} // namespace initcheck
