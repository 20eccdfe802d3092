//===- FollowObject.h - The object's names over the facts' ------*- C++ -*-===//
//
// A build may rename symbols and sections after compiling: arm64's and
// riscv's pi/ objects go through `objcopy --prefix-symbols=__pi_` (and
// --prefix-alloc-sections), Xen's *.init.o through `objcopy
// --rename-section .text=.init.text`. The facts say what the compiler saw;
// the object says what the linker and modpost see, and at link time the
// object is the truth. See docs/facts-format.md, "Renames after compiling".
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_PLUGIN_TOOL_FOLLOWOBJECT_H
#define INITCHECK_PLUGIN_TOOL_FOLLOWOBJECT_H

#include "checks/facts/FactsFormat.h"
#include "checks/model/SectionClass.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace llvm::object {
class ObjectFile;
}

namespace initcheck {

/// Match each record in \p Units (the records of \p Obj, in section order)
/// against \p Obj's symbol table by the record's external definitions, and
/// where the object disagrees take its names (a prefix on every external
/// name of the record) and its sections (for the definitions it shows, and
/// for the record's other symbols compiled into a section it renamed).
/// Appends one line to \p Notes (without "note: ") for each record the
/// object cannot be matched with, and one per object that was renamed;
/// those records' facts stay as compiled. \p ObjectName names \p Obj.
void followObject(const llvm::object::ObjectFile &Obj,
                  llvm::MutableArrayRef<FactsView> Units,
                  const std::string &ObjectName, const ExtraSections &Extra,
                  std::vector<std::string> &Notes);

} // namespace initcheck

#endif
