//===- SectionClass.h - What the kernel does with a section -----*- C++ -*-===//
//
// initcheck judges references by the section a symbol ends up in, never by
// macro names: __init, __section(".init.text") and a raw section attribute
// are the same thing to the linker, so they are the same thing to us.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_SECTIONCLASS_H
#define INITCHECK_CHECKS_SECTIONCLASS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace initcheck {

enum class SectionClass : unsigned char {
  /// modpost's TEXT_SECTIONS: .text, .text.*, .sched.text, .kprobes.text,
  /// .cpuidle.text, .noinstr.text, .ltext*.
  Text,
  /// Resident text modpost never scans (.entry.text, .irqentry.text, ...).
  OtherText,
  /// modpost's DATA_SECTIONS, exactly ".data" and ".data.rel".
  Data,
  /// Other writable resident data: .data.*, .data..read_mostly,
  /// .data..ro_after_init, per-cpu, .bss, TLS.
  OtherData,
  /// Read-only resident data: .rodata*, .data.rel.ro*.
  RoData,
  /// .pci_fixup_*: resident tables that modpost checks against init only.
  PciFixup,
  /// .init.*: freed after boot (or after a module's init).
  Init,
  /// .exit.*: discarded when built in.
  Exit,
  /// .ref.*: may reference init and exit (the programmer vouches for it).
  Ref,
  /// .head.text: early boot code, may reference init.
  Head,
  /// .initcall*.init, .con_initcall.init: run once during init.
  InitTable,
  /// .exitcall.exit: run at module unload, discarded when built in.
  ExitTable,
  /// .export_symbol, __ksymtab*: the export tables.
  ExportTable,
  /// .discard.*, notes, debug info and project-specific sections: never the
  /// source of a mismatch.
  Unchecked,
};

/// Sections a project frees like .init.* or discards like .exit.*, beyond
/// the kernel's. An entry ending in '*' is a prefix, anything else a name.
struct ExtraSections {
  std::vector<std::string> Init;
  std::vector<std::string> Exit;
};

/// Classify a section name as the kernel's linker script and modpost see it,
/// with a project's own init and exit sections. \p SplitSections: the build
/// uses -ffunction-sections/-fdata-sections or LTO, under which the linker
/// script's TEXT_MAIN (`.text.[0-9a-zA-Z_]*`) takes `.text.startup` and
/// `.text.exit` into resident `.text` before INIT_TEXT and EXIT_TEXT see
/// them.
SectionClass classifySection(llvm::StringRef Section,
                             const ExtraSections &Extra = {},
                             bool SplitSections = false);

/// The class modpost 6.12 gives a section: \p C, except that modpost's
/// TEXT_SECTIONS (`.text.*`) take `.text.startup` and `.text.exit`, which
/// the linker script frees or discards as init and exit text.
SectionClass modpostClass(SectionClass C, llvm::StringRef Section);

/// True for the classes whose memory stays mapped for the program's life.
bool isResident(SectionClass C);

/// The kernel macro that places a function or object in \p Section
/// ("__init" for ".init.text"), or an empty string when there is none.
llvm::StringRef canonicalAnnotation(llvm::StringRef Section, bool IsFunction);

/// The section a kernel annotation macro names (".init.data" for
/// "__initdata"), or an empty string for an unknown macro.
llvm::StringRef sectionOfAnnotation(llvm::StringRef Macro);

/// Every annotation macro initcheck knows, for fix-its that spell them.
llvm::ArrayRef<llvm::StringRef> annotationMacros();

} // namespace initcheck

#endif
