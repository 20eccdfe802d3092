//===- Facts.h - What one translation unit defines and references -*- C++ -*-===//
//
// The plain-data model every rule works on. The collector fills it from the
// AST; rules never look at the AST, so the same rule code can later run on
// facts merged from many objects.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FACTS_H
#define INITCHECK_CHECKS_FACTS_H

#include "checks/model/SectionClass.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace initcheck {

/// A source position: the clang location while the AST is alive, and the
/// presumed file:line:column for reports that outlive it. Which half is
/// valid where: in the fronts inside clang (plugin, initcheck check,
/// clang-tidy) Loc, and File/Line/Column once collect/Locations resolved
/// them (the sinks, the facts record); in facts read back by `initcheck
/// link` only File/Line/Column, Loc is never valid there.
struct Location {
  clang::SourceLocation Loc;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// Whether this names a place, whichever half is valid here: asking only
  /// Loc would say "no" to every location read back by `initcheck link`.
  bool isKnown() const { return Loc.isValid() || !File.empty(); }
};

/// A note of a diagnostic: "'h' is called by function 'f' here".
struct FindingNote {
  Location Where;
  std::string Message;
};

/// An edit that is safe to apply: insert or replace source text.
struct FixIt {
  clang::CharSourceRange Range; ///< A character range; empty = insertion.
  std::string Text;
  bool isInsertion() const {
    return Range.isCharRange() && Range.getBegin() == Range.getEnd();
  }
};

enum class SymbolKind : unsigned char {
  Function,
  Variable,
  /// A labelled block of file-scope asm, e.g. an initcall entry
  /// `.section ".initcall6.init"; __initcall_foo6: .long foo - .`.
  AsmEntry,
};

struct Symbol {
  std::string Name;       ///< For messages: "Device::probe", "tmpl<int>".
  std::string Identifier; ///< The plain name modpost's patterns match.
  /// The object-file name of an external symbol (mangled in C++), which
  /// joins it across translation units; empty for internal ones.
  std::string LinkName;
  SymbolKind Kind = SymbolKind::Function;
  std::string Section;            ///< Effective section, explicit or default.
  SectionClass Class = SectionClass::Text;
  /// The yes/no facts (ExplicitSection, Defined, InternalLinkage, Weak,
  /// IsConst, ...), each a flag bit of the symbol's record: one list,
  /// model/SymbolFlags.def, says what each means.
#define SYMBOL_FLAG(Field, Flag, Bit) bool Field = false;
#include "checks/model/SymbolFlags.def"
  Location Loc;                   ///< The definition, else first declaration.
  /// The declaration that carries the section attribute, for the note
  /// "declared __init here".
  Location AnnotationLoc;
  /// Where the symbol's annotation is written: AnnotationLoc, else (no
  /// declaration carries one) the symbol itself.
  const Location &annotationPlace() const {
    return AnnotationLoc.isKnown() ? AnnotationLoc : Loc;
  }
  /// The annotation macro as written at AnnotationLoc ("__initdata"), with
  /// its token range, when it is a single macro name in the source.
  std::string AnnotationSpelling;
  clang::CharSourceRange AnnotationRange;
  /// Where "__init " (or " __initdata") can be inserted safely, if anywhere.
  clang::SourceLocation AnnotateInsertLoc;
  bool AnnotateAfterName = false; ///< Kernel style for data: `int x __initdata`.
  /// A declaration that names another section than the one the symbol
  /// ends up in (clang keeps the latest, with a -Wsection warning).
  bool HasConflictingDecl = false;
  Location ConflictingDeclLoc;
  std::string ConflictingDeclSection;
  /// The definition writes no section itself and inherits the one of the
  /// declaration at InheritedFromLoc.
  bool DefinitionInherits = false;
  Location InheritedFromLoc;
  /// For functions: the type as written ("int (void)"); IsIntVoid and
  /// IsVoidVoid say whether it is an initcall's or an exitcall's.
  std::string Type;
  /// The phases (ReachBits) the symbol's own unit computed for it, when it
  /// comes from another unit's facts; 0 means "compute it here".
  unsigned char FixedReach = 0;
  /// With FixedReach: the notes its unit gave for each phase bit (why the
  /// helper runs then), so whole-program findings can explain it too.
  std::vector<std::pair<unsigned char, FindingNote>> FixedReachNotes;
};

enum class RefKind : unsigned char {
  Call,        ///< Direct call of a function.
  Access,      ///< Read or write of an object's value.
  AddressOf,   ///< The address escapes: &x, decay, function designator.
};

struct Reference {
  unsigned From = 0; ///< Index into TuFacts::Symbols.
  unsigned To = 0;
  RefKind Kind = RefKind::AddressOf;
  /// Inside `if (GUARD)` of a declared phase guard: TuFacts::Guards[Guard -
  /// 1]; 0 = none. Judged as a reference of init code.
  unsigned short Guard = 0;
  Location Loc;
};

/// Where code moves a value computed from a symbol: its address (`&ops`,
/// `fn`, a decayed array) or a copy of what it holds (`ops`, `tbl[i].fn`,
/// `*p`), followed through the function's locals to what can outlive them
/// (the escape analysis, docs/design.md#escapes).
enum class FlowSink : unsigned char {
  Global,   ///< Stored into Target, an object with static storage.
  Argument, ///< Passed as argument Arg to Target (NoSymbol: an indirect call).
  Returned, ///< Returned to From's callers.
  Unknown,  ///< Stored through a pointer, or anywhere the analysis does not follow.
  /// Not moves but uses of resident storage, for the evidence of
  /// initcheck-init-escape: From loads the pointer at Value's Field (Value
  /// = Target, any section), calls through it, or stores a null pointer
  /// there in a statement that runs whenever From returns (no return or
  /// goto before it, not in a branch).
  Read,
  Called,
  Cleared,
};
inline constexpr unsigned NoSymbol = ~0u;

/// A flow that records a use of resident storage, not a move of a value.
inline bool isUse(FlowSink S) {
  return S == FlowSink::Read || S == FlowSink::Called || S == FlowSink::Cleared;
}

struct Flow {
  unsigned From = 0;         ///< The function whose code moves the value.
  unsigned Value = NoSymbol; ///< Where it comes from; NoSymbol: parameter Param.
  unsigned Param = 0;
  bool Contents = false;     ///< A copy of what Value holds, not its address.
  /// With Contents: a copy of what the pointers Value holds point to
  /// (`*tbl[i]`, `tbl[i]->ops`), not of the pointers themselves.
  bool Indirect = false;
  FlowSink Sink = FlowSink::Unknown;
  unsigned Target = NoSymbol;
  unsigned Arg = 0;
  std::string Field;         ///< Global: where in Target (".ops.handler", "[]").
  Location Loc;              ///< The store, call or return.
};

/// One initcall (or exitcall) table entry.
struct Initcall {
  std::string Level;     ///< "6", "1s", "console", "exit", "module", ...
  unsigned Entry = 0;    ///< The table entry symbol.
  unsigned Function = 0; ///< The function it runs.
  unsigned Position = 0; ///< Order of the entry within its file.
};

/// An `initcheck-suppress(RULE[,RULE]): REASON` comment
/// (docs/adopting.md#suppressions): findings of its rules on the line it
/// ends (a comment after code), or on the next line (a comment alone on its
/// line), are vouched for with its reason.
struct Suppression {
  Location Where; ///< The comment.
  unsigned Line = 0; ///< The line of Where.File whose findings it covers.
  std::vector<std::string> Rules;
  std::string Reason; ///< Empty: no reason given, so it suppresses nothing.
};

struct TuFacts {
  std::vector<Symbol> Symbols;
  std::vector<Reference> Refs;
  std::vector<Initcall> Initcalls; ///< In position order.
  /// The collector's: values of init and exit symbols, and of every
  /// function's parameters, that leave the function (or a local). Facts
  /// read back from objects carry only what the link needs.
  std::vector<Flow> Flows;
  /// Made by the collector, with all of the unit's flows: the analysis may
  /// prove from them what no flow contradicts. False for facts read back.
  bool HasAllFlows = false;
  /// Only in facts read back from objects: one edge per user and function
  /// (no location), the call graph `initcheck link --suggest` walks. Kept
  /// apart from Refs, which the rules judge.
  std::vector<Reference> Edges;
  /// The annotation macros the translation unit defines, so fix-its can
  /// spell `__init` or fall back to the attribute.
  llvm::StringSet<> DefinedAnnotationMacros;
  /// Every initcheck-suppress comment of the unit's files, outside system
  /// headers; carried in the facts record for `initcheck link`.
  std::vector<Suppression> Suppressions;
  /// The phase guards references name (Reference::Guard), as declared.
  std::vector<std::string> Guards;
  /// -fdata-sections puts data in .data.<name>, which modpost never scans.
  bool DataSections = false;
  /// A kernel build (__KERNEL__) without CONFIG_MODULES: modpost runs
  /// without -M there and does not check exports.
  bool KernelWithoutModules = false;
  /// A Linux build (__KERNEL__): the kernel APIs of model/KernelApis.h do
  /// what they do in Linux 6.12. Elsewhere (Xen's cpufreq_register_driver()
  /// copies the driver it is given) a function of that name is judged by its
  /// body, as any other.
  bool LinuxKernel = false;
};

} // namespace initcheck

#endif
