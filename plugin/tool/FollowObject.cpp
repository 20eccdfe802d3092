//===- FollowObject.cpp - The object's names over the facts' --------------===//
//
// Each record is matched against the symbol table of the object that
// carries it. A record's external definitions ("claims") are the evidence:
// the object must define each under the record's name, or under one prefix
// for all of them (objcopy --prefix-symbols renames every symbol of the
// unit), in a section of the same kind. Objects and archive members carry
// one record, so the match is exact; an `ld -r` output (vmlinux.o) carries
// many and one symbol table, where a strong external name is defined once,
// so a claim found there is the claimant's unless the claimant was renamed.
//
//===----------------------------------------------------------------------===//
#include "FollowObject.h"
#include "ObjectSymbols.h"
#include "llvm/ADT/CachedHashString.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Object/ELFObjectFile.h"
#include <set>

using namespace llvm;

namespace initcheck {
namespace {

/// Where a symbol lives as far as a verdict is concerned: resident memory
/// is one place (.text to .text.foo, .data to .bss change nothing), every
/// other class its own (.text to .init.text does).
SectionClass placeOf(SectionClass C) {
  return isResident(C) ? SectionClass::Text : C;
}

/// One external definition of a record.
struct Claim {
  uint32_t Sym;
  StringRef LinkName;
  /// The object must define it: not weak (another definition may win), not
  /// inline and not C++ (an inline function or template nobody uses is
  /// never emitted).
  bool Required;
};

class Matcher {
public:
  Matcher(ObjectSymbols &Table, const ExtraSections &Extra)
      : Table(Table), Extra(Extra) {}

  /// True when the object's section \p ObjSection puts \p S elsewhere than
  /// its facts.
  bool moves(const FactsView &T, const PackedSymbol &S,
             StringRef ObjSection) const {
    if (ObjSection == T.Strings[S.Section])
      return false;
    return placeOf(classifySection(ObjSection, Extra)) != placeOf(S.Class);
  }

  /// Whether every required claim is defined under \p Prefix + its name;
  /// \p Found counts the claims defined so, \p Moves those of them in
  /// another kind of section.
  bool fits(const FactsView &T, ArrayRef<Claim> Claims, StringRef Prefix,
            unsigned &Found, unsigned &Moves) {
    std::string Name;
    for (const Claim &C : Claims) {
      Name.assign(Prefix.begin(), Prefix.end());
      Name += C.LinkName;
      const ObjectSymbols::Entry *E = Table.find(Name);
      if (!E) {
        if (C.Required)
          return false;
        continue;
      }
      ++Found;
      if (E->Known && moves(T, T.Symbols[C.Sym], E->Section))
        ++Moves;
    }
    return true;
  }

private:
  ObjectSymbols &Table;
  const ExtraSections &Extra;
};

std::string describe(const FactsView &T, const Claim &C) {
  const PackedSymbol &S = T.Symbols[C.Sym];
  return "'" + C.LinkName.str() + "' (" + T.Strings[S.Loc.File].str() + ":" +
         std::to_string(S.Loc.Line) + ")";
}

/// The record's external definitions: what the object must show.
void collectClaims(const FactsView &T, std::vector<Claim> &Claims) {
  Claims.clear();
  for (uint32_t I = 0; I != T.Symbols.size(); ++I) {
    const PackedSymbol &S = T.Symbols[I];
    StringRef Link = T.Strings[S.LinkName];
    if (!S.Defined || S.InternalLinkage || Link.empty())
      continue;
    Claims.push_back(
        {I, Link,
         !S.Weak && !S.Inline && !S.AlwaysInline && !Link.starts_with("_Z")});
  }
}

/// objcopy --prefix-symbols renames every symbol of the unit, the
/// undefined ones too: its references name the prefixed symbols.
void prefixNames(FactsView &T, const std::string &Prefix) {
  StringMap<uint32_t> Renamed;
  auto Rename = [&](uint32_t Index) {
    auto [It, New] = Renamed.try_emplace(T.Strings[Index], 0);
    if (New)
      It->second = T.addString(Prefix + T.Strings[Index].str());
    return It->second;
  };
  for (PackedSymbol &S : T.Symbols) {
    if (S.InternalLinkage || T.Strings[S.LinkName].empty())
      continue;
    uint32_t Old = S.LinkName;
    S.LinkName = Rename(Old);
    // The plain names modpost sees (C: the link name itself).
    if (T.Strings[S.Identifier] == T.Strings[Old])
      S.Identifier = S.LinkName;
    if (T.Strings[S.Name] == T.Strings[Old])
      S.Name = S.LinkName;
  }
}

/// Sections: each definition the object shows in another kind of section
/// moves there, and so does every other symbol of the record compiled into
/// a section the object renamed the same way for all it shows (objcopy
/// renames sections, not symbols: a static helper in .text goes with the
/// rest of .text).
void moveSections(FactsView &T, const std::vector<Claim> &Claims,
                  ObjectSymbols &Table, Matcher &M,
                  const ExtraSections &Extra) {
  struct SectionRename {
    StringRef To;
    SectionClass Place;
    bool Consistent;
  };
  StringMap<SectionRename> SectionRenames;
  std::vector<bool> Done(T.Symbols.size(), false);
  auto MoveTo = [&](uint32_t I, StringRef Section) {
    PackedSymbol &S = T.Symbols[I];
    T.Moved.push_back({I, S.Section});
    S.Section = T.addString(Section.str());
    S.Class = classifySection(Section, Extra);
    S.ExplicitSection = true;
    // Its phase is now its section's: the one its unit computed for a
    // helper in .text no longer holds.
    S.FixedReach = 0;
    S.NumNotes = 0;
  };
  for (const Claim &C : Claims) {
    const PackedSymbol &S = T.Symbols[C.Sym];
    const ObjectSymbols::Entry *E = Table.find(T.Strings[S.LinkName]);
    if (!E)
      continue;
    Done[C.Sym] = true;
    if (!E->Known)
      continue;
    bool Moves = M.moves(T, S, E->Section);
    SectionRename R{
        Moves ? E->Section : T.Strings[S.Section],
        placeOf(Moves ? classifySection(E->Section, Extra) : S.Class), true};
    auto [It, New] = SectionRenames.try_emplace(T.Strings[S.Section], R);
    if (!New && It->second.Place != R.Place)
      It->second.Consistent = false;
    if (Moves)
      MoveTo(C.Sym, E->Section);
  }
  for (uint32_t I = 0; I != T.Symbols.size(); ++I) {
    const PackedSymbol &S = T.Symbols[I];
    if (Done[I] || !S.Defined)
      continue;
    auto It = SectionRenames.find(T.Strings[S.Section]);
    if (It != SectionRenames.end() && It->second.Consistent &&
        M.moves(T, S, It->second.To))
      MoveTo(I, It->second.To);
  }
}

/// The note for an object whose renames were followed.
std::string renameSummary(const std::string &ObjectName, unsigned Prefixed,
                          const std::set<std::string> &Prefixes,
                          unsigned Moved) {
  auto Files = [](unsigned N) {
    return std::to_string(N) + (N == 1 ? " file" : " files");
  };
  std::string Line = ObjectName + ": followed the renames made after "
                                  "compiling:";
  if (Prefixed) {
    Line += " names prefixed";
    for (const std::string &P : Prefixes)
      Line += " '" + P + "'";
    Line += " in " + Files(Prefixed);
  }
  if (Moved)
    Line += std::string(Prefixed ? "," : "") + " sections renamed in " +
            Files(Moved);
  return Line;
}

} // namespace

void followObject(const object::ObjectFile &Obj,
                  MutableArrayRef<FactsView> Units,
                  const std::string &ObjectName, const ExtraSections &Extra,
                  std::vector<std::string> &Notes) {
  // Records are only ever in ELF objects (the plugin emits none elsewhere).
  const auto *Elf = dyn_cast<object::ELFObjectFileBase>(&Obj);
  if (!Elf || Units.empty())
    return;
  ObjectSymbols Table(*Elf);
  Matcher M(Table, Extra);
  unsigned Prefixed = 0, Moved = 0;
  std::set<std::string> Prefixes;
  std::vector<Claim> Claims;
  for (FactsView &T : Units) {
    collectClaims(T, Claims);
    unsigned AsIsFound = 0, AsIsMoves = 0;
    bool AsIs = M.fits(T, Claims, "", AsIsFound, AsIsMoves);
    if (AsIs && !AsIsMoves && (AsIsFound || Claims.empty()))
      continue; // nearly every record
    // The claim that does not fit as compiled (or, when the object has
    // none of them, the first): the object's names ending in it give the
    // candidate prefixes.
    const Claim *Probe = &Claims.front();
    for (const Claim &C : Claims) {
      const ObjectSymbols::Entry *E = Table.find(C.LinkName);
      if ((!E && C.Required) ||
          (E && E->Known && M.moves(T, T.Symbols[C.Sym], E->Section))) {
        Probe = &C;
        break;
      }
    }
    // An explanation defines at least one claim; the fewest moves wins,
    // and a tie between two is no match.
    bool Found = AsIs && AsIsFound, Tie = false;
    unsigned Best = Found ? AsIsMoves : ~0u;
    std::string Prefix, Rival;
    for (StringRef Name : Table.Globals) {
      if (Name.size() <= Probe->LinkName.size() ||
          !Name.ends_with(Probe->LinkName))
        continue;
      StringRef P = Name.drop_back(Probe->LinkName.size());
      unsigned Defines = 0, Moves = 0;
      if (!M.fits(T, Claims, P, Defines, Moves) || !Defines || Moves > Best)
        continue;
      if (Moves == Best && Found) {
        Tie = true;
        Rival = P.str();
        continue;
      }
      Found = true;
      Tie = false;
      Best = Moves;
      Prefix = P.str();
    }
    // Only claims that need not be emitted (C++, inline), none of them
    // in the object under any prefix: nothing to follow.
    if (!Found && AsIs)
      continue;
    if (!Found && Table.empty()) {
      // Every record would say the same.
      Notes.push_back(ObjectName + ": no symbol table (stripped?): its facts "
                                   "cannot be matched with it and are used "
                                   "as compiled");
      break;
    }
    if (!Found) {
      Notes.push_back(ObjectName + ": " + describe(T, *Probe) +
                      " is not defined in the object under its name or a "
                      "prefix of all its file's names (renamed or removed "
                      "after compiling?): that file's facts are used as "
                      "compiled");
      continue;
    }
    if (Tie) {
      Notes.push_back(ObjectName + ": the names of the file of " +
                      describe(T, *Probe) + " fit the object as '" + Prefix +
                      "' and as '" + Rival +
                      "' prefixes them: that file's facts are used as "
                      "compiled");
      continue;
    }
    if (!Prefix.empty()) {
      ++Prefixed;
      Prefixes.insert(Prefix);
      prefixNames(T, Prefix);
    }
    if (!Best)
      continue;
    ++Moved;
    moveSections(T, Claims, Table, M, Extra);
  }
  if (!Prefixed && !Moved)
    return;
  Notes.push_back(renameSummary(ObjectName, Prefixed, Prefixes, Moved));
}

} // namespace initcheck
