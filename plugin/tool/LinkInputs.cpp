//===- LinkInputs.cpp - What initcheck link reads from its inputs ---------===//
#include "LinkInputs.h"
#include "FollowObject.h"
#include "RelocationFacts.h"
#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"

#include <algorithm>

using namespace llvm;

namespace initcheck {

/// ThinLTO and full LTO objects are LLVM bitcode: the record is still
/// module asm text, and renames (objcopy) cannot have happened yet.
static InputError bitcode(const std::string &Name) {
  return InputError{Name + ": LLVM bitcode (LTO): link it first (ld.lld "
                           "-r, as the kernel makes vmlinux.o) and give "
                           "initcheck link the result"};
}

std::optional<InputError> FactsReader::readObject(const object::ObjectFile &O,
                                                  const std::string &Name) {
  if (const auto *Elf = dyn_cast<object::ELFObjectFileBase>(&O);
      Elf && WantFunctionSizes)
    for (const object::ELFSymbolRef &Sym : Elf->symbols()) {
      Expected<object::SymbolRef::Type> Type = Sym.getType();
      Expected<StringRef> SymName = Sym.getName();
      if (Type && SymName && *Type == object::SymbolRef::ST_Function &&
          Sym.getSize())
        FunctionSizes[*SymName] = Sym.getSize();
      if (!Type)
        consumeError(Type.takeError());
      if (!SymName)
        consumeError(SymName.takeError());
    }
  bool HasFacts = false;
  size_t FirstUnit = Units.size();
  for (const object::SectionRef &S : O.sections()) {
    Expected<StringRef> SN = S.getName();
    if (!SN) {
      consumeError(SN.takeError());
      continue;
    }
    if (*SN != FactsSectionName)
      continue;
    HasFacts = true;
    Expected<StringRef> Data = S.getContents();
    if (!Data)
      return InputError{Name + ": " + toString(Data.takeError())};
    Expected<std::vector<FactsView>> Facts =
        decodeFacts(*Data, /*WithEdges=*/WantCallGraph);
    if (!Facts)
      return InputError{Name + ": " + toString(Facts.takeError())};
    // The object is the truth: where a build renamed symbols or sections
    // after compiling, its records take the object's names.
    followObject(O, *Facts, Name, Extra, Notes);
    // One vmlinux.o brings thousands of views: room for all at once,
    // still doubling for many small objects.
    size_t Need = Units.size() + Facts->size();
    if (Units.capacity() < Need) {
      Units.reserve(std::max(Need, 2 * Units.capacity()));
      UnitObjects.reserve(Units.capacity());
    }
    for (FactsView &F : *Facts) {
      Units.push_back(std::move(F));
      UnitObjects.push_back(Name);
    }
  }
  return readRelocations(O, Name, HasFacts ? FirstUnit : Units.size());
}

std::optional<InputError>
FactsReader::readRelocations(const object::ObjectFile &O,
                             const std::string &Name, size_t FirstUnit) {
  bool Part = FirstUnit != Units.size();
  FactsCoverage Covered;
  if (Part) {
    // An object with facts that is no relocatable ELF object has nothing
    // else to read.
    const auto *Elf = dyn_cast<object::ELFObjectFileBase>(&O);
    if (!Elf || Elf->getEType() != ELF::ET_REL)
      return std::nullopt;
    for (size_t U = FirstUnit; U != Units.size(); ++U)
      Covered.add(Units[U]);
  }
  Expected<RelocationUnit> Unit =
      relocationFacts(O, Name, Extra, Part ? &Covered : nullptr,
                      /*AllReferences=*/WantCallGraph);
  if (!Unit)
    return InputError{toString(Unit.takeError())};
  if (Part && !Unit->Uncovered)
    return std::nullopt; // the facts cover all of it
  RelocationObjects.push_back(
      {Name, Unit->HasLines, Part, std::move(Unit->Files)});
  Sites.resize(Units.size());
  Sites.push_back(std::move(Unit->Sites));
  Units.push_back(std::move(Unit->View));
  UnitObjects.push_back(Name);
  return std::nullopt;
}

std::optional<InputError> FactsReader::read(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return InputError{Path.str() + ": " + Buf.getError().message()};
  // Uncompressed records are decoded in place: keep the file mapped.
  Buffers.push_back(std::move(*Buf));
  if (identify_magic(Buffers.back()->getBuffer()) == file_magic::bitcode)
    return bitcode(Path.str());
  Expected<std::unique_ptr<object::Binary>> Bin =
      object::createBinary(Buffers.back()->getMemBufferRef());
  if (!Bin) {
    consumeError(Bin.takeError());
    return InputError{Path.str() + ": not an object file or archive"};
  }
  if (auto *A = dyn_cast<object::Archive>(Bin->get())) {
    Error Err = Error::success();
    for (const object::Archive::Child &C : A->children(Err)) {
      Expected<StringRef> Name = C.getName();
      std::string Member =
          Path.str() + "(" + (Name ? Name->str() : std::string("?")) + ")";
      if (!Name)
        consumeError(Name.takeError());
      Expected<MemoryBufferRef> MemberBuf = C.getMemoryBufferRef();
      if (MemberBuf &&
          identify_magic(MemberBuf->getBuffer()) == file_magic::bitcode)
        return bitcode(Member);
      if (!MemberBuf)
        consumeError(MemberBuf.takeError());
      Expected<std::unique_ptr<object::Binary>> MB = C.getAsBinary();
      if (!MB) {
        consumeError(MB.takeError());
        continue; // symbol tables and other non-object members
      }
      if (auto *O = dyn_cast<object::ObjectFile>(MB->get()))
        if (auto E = readObject(*O, Member))
          return E;
    }
    if (Err)
      return InputError{Path.str() + ": " + toString(std::move(Err))};
    return std::nullopt;
  }
  if (auto *O = dyn_cast<object::ObjectFile>(Bin->get()))
    return readObject(*O, Path.str());
  return InputError{Path.str() + ": not an object file or archive"};
}

} // namespace initcheck
