//===- SymbolDescription.cpp - How diagnostics name things ----------------===//
#include "checks/rules/SymbolDescription.h"

using namespace llvm;

namespace initcheck {

std::string describeSymbol(const Symbol &S) {
  std::string Quoted = "'" + S.Name + "'";
  // Table entries read the same whichever encoding the kernel used (a
  // section variable, or file-scope asm on x86_64/arm64).
  bool IsTable = S.Class == SectionClass::InitTable ||
                 S.Class == SectionClass::ExitTable ||
                 S.Class == SectionClass::ExportTable;
  if (S.Kind == SymbolKind::AsmEntry || IsTable) {
    std::string Entry = S.Name == "<asm>" ? "" : " " + Quoted;
    switch (S.Class) {
    case SectionClass::InitTable:
      return "initcall entry" + Entry;
    case SectionClass::ExitTable:
      return "exitcall entry" + Entry;
    case SectionClass::ExportTable:
      return "export entry" + Entry;
    default:
      return "asm data" + Entry + " in section '" + S.Section + "'";
    }
  }
  bool IsFunction = S.Kind == SymbolKind::Function;
  std::string Kind = IsFunction ? "function " : "variable ";
  if (!S.ExplicitSection)
    return Kind + Quoted;
  StringRef Macro = canonicalAnnotation(S.Section, IsFunction);
  if (!Macro.empty())
    return Macro.str() + " " + Kind + Quoted;
  return Kind + Quoted + " in section '" + S.Section + "'";
}

std::string lifetimeOf(const Symbol &T) {
  if (T.Class == SectionClass::Exit)
    return T.Section + " is discarded when built in";
  return T.Section + " is freed after boot";
}

FindingNote annotationNote(const Symbol &T) {
  FindingNote N;
  N.Where = T.annotationPlace();
  StringRef Macro =
      canonicalAnnotation(T.Section, T.Kind == SymbolKind::Function);
  if (!Macro.empty())
    N.Message = "'" + T.Name + "' declared " + Macro.str() + " here";
  else
    N.Message = "'" + T.Name + "' placed in section '" + T.Section + "' here";
  return N;
}

FindingNote plainDeclarationNote(const Symbol &T, const Location &Where) {
  StringRef Macro =
      canonicalAnnotation(T.Section, T.Kind == SymbolKind::Function);
  return {Where, "'" + T.Name + "' is declared here without " +
                     (Macro.empty() ? "its section" : Macro.str()) +
                     ", so this file could not see the mismatch"};
}

FindingNote movedByObjectNote(const Symbol &T, StringRef CompiledSection,
                              StringRef Object) {
  return {T.Loc, "'" + T.Name + "' was compiled into '" + CompiledSection.str() +
                     "'; the object " + Object.str() + " has it in '" +
                     T.Section + "' (renamed after compiling)"};
}

void explainReach(const RuleInput &In, unsigned Sym, ReachBits Bit,
                  std::vector<FindingNote> &Notes) {
  const auto &Syms = In.Facts.Symbols;
  // A helper from another unit's facts: that unit wrote the explanation.
  for (const auto &[B, N] : Syms[Sym].FixedReachNotes)
    if (B == Bit)
      Notes.push_back(N);
  // Follow the witnesses while they lead through helpers; a cycle of
  // helpers cannot be longer than the symbol table.
  for (size_t Steps = 0; Steps != Syms.size() && In.Reach.isHelper(Sym); ++Steps) {
    std::optional<unsigned> R = In.Reach.witness(Sym, Bit);
    if (!R)
      return;
    const Reference &Ref = In.Facts.Refs[*R];
    const Symbol &User = Syms[Ref.From];
    FindingNote N;
    N.Where = Ref.Loc;
    std::string Name = "'" + Syms[Sym].Name + "'";
    if (Bit == ReachResident && Ref.Kind == RefKind::AddressOf)
      N.Message = "the address of " + Name + " escapes here, in " +
                  describeSymbol(User) + ", so it can be used after boot";
    else if (Ref.Kind == RefKind::Call ||
             User.Class == SectionClass::InitTable || // the kernel calls
             User.Class == SectionClass::ExitTable)   // table entries
      N.Message = Name + " is called by " + describeSymbol(User) + " here";
    else
      N.Message = Name + " is used by " + describeSymbol(User) + " here";
    Notes.push_back(std::move(N));
    // A function in an init table is resident only when the table is
    // copied out (an object in one always is: Residency).
    if (Bit == ReachResident && Ref.Kind == RefKind::AddressOf &&
        isPhaseTable(User) && Syms[Sym].Kind == SymbolKind::Function)
      explainUnsealed(In, Ref.From, Notes);
    Sym = Ref.From;
  }
}

void explainUnsealed(const RuleInput &In, unsigned Table,
                     std::vector<FindingNote> &Notes) {
  const auto &Syms = In.Facts.Symbols;
  const Escapes &E = In.Reach.escapes();
  for (size_t Steps = 0; Steps != Syms.size(); ++Steps) {
    Escapes::Unsealed Why = E.whyUnsealed(Table);
    std::string Name = "'" + Syms[Table].Name + "'";
    FindingNote N;
    N.Where = Syms[Table].Loc;
    switch (Why.Kind) {
    case Escapes::Unsealed::No:
      return;
    case Escapes::Unsealed::External:
      N.Message = Name + " is external: another file may copy it";
      Notes.push_back(std::move(N));
      return;
    case Escapes::Unsealed::HeldBy:
      N.Message = Name + " is reachable from " + describeSymbol(Syms[Why.Index]);
      Notes.push_back(std::move(N));
      Table = Why.Index;
      continue;
    case Escapes::Unsealed::ByFlow:
      break;
    }
    const Flow &F = In.Facts.Flows[Why.Index];
    N.Where = F.Loc;
    std::string What = (F.Contents ? "a copy of " : "the address of ") + Name;
    std::string Where, Then = ", so what it holds can be used after boot";
    switch (F.Sink) {
    case FlowSink::Global:
      Where = "is stored into " + describeSymbol(Syms[F.Target]);
      if (!F.Field.empty())
        Where += " (" + Syms[F.Target].Name + F.Field + ")";
      break;
    case FlowSink::Argument:
      Where = F.Target == NoSymbol ? "is passed to an indirect call"
                                   : "is passed to " + describeSymbol(Syms[F.Target]);
      Then = ", which may keep it after boot";
      break;
    case FlowSink::Returned:
      Where = "is returned";
      break;
    case FlowSink::Unknown:
    default: // uses (Read, Called, Cleared) unseal nothing
      Where = "is stored where the analysis cannot follow it";
      break;
    }
    N.Message = What + " " + Where + " here, in " +
                describeSymbol(Syms[F.From]) + Then;
    Notes.push_back(std::move(N));
    return;
  }
}

Finding referenceFinding(const RuleInput &In, const Reference &R,
                         const std::string &Why,
                         ReachBits Phase) {
  const Symbol &From = In.Facts.Symbols[R.From], &To = In.Facts.Symbols[R.To];
  Finding F;
  F.Where = R.Loc;
  F.Ref = &R - In.Facts.Refs.data();
  F.Message = describeSymbol(From) + " references " + describeSymbol(To) +
              ": " + Why;
  if (!In.Options.ModpostCompat)
    explainReach(In, R.From, Phase, F.Notes);
  F.Notes.push_back(annotationNote(To));
  return F;
}

std::string annotationFor(const Symbol &S, ReachBits Phase) {
  bool Fn = S.Kind == SymbolKind::Function;
  if (!Fn && S.Kind != SymbolKind::Variable)
    return "";
  switch (Phase) {
  case ReachInit:
    return Fn ? "__init" : S.IsConst ? "__initconst" : "__initdata";
  case ReachExit: // the kernel has no __exitconst
    return Fn ? "__exit" : S.IsConst ? "" : "__exitdata";
  case ReachRef:
    return Fn ? "__ref" : S.IsConst ? "__refconst" : "__refdata";
  default:
    return "";
  }
}

std::optional<FixIt> annotateFixIt(const TuFacts &Facts, const Symbol &S,
                                   StringRef Annotation) {
  StringRef Section = sectionOfAnnotation(Annotation);
  bool Defined = Facts.DefinedAnnotationMacros.contains(Annotation);
  // __init_or_module and its data forms have no section of their own (it
  // depends on CONFIG_MODULES): only the macro can spell them.
  bool OrModule = Annotation.ends_with("_or_module");
  if (!S.AnnotateInsertLoc.isValid() || (OrModule ? !Defined : Section.empty()))
    return std::nullopt;
  std::string Spelling =
      Defined ? Annotation.str()
              : "__attribute__((__section__(\"" + Section.str() + "\")))";
  FixIt F;
  F.Range = clang::CharSourceRange::getCharRange(S.AnnotateInsertLoc,
                                                 S.AnnotateInsertLoc);
  F.Text = S.AnnotateAfterName ? " " + Spelling : Spelling + " ";
  return F;
}

} // namespace initcheck
