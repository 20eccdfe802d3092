//===- EscapeList.cpp - Which init and exit values are kept after their phase -===//
//
// Escapes::findEscapes(): the run-time stores, template copies and
// registrations that keep an init (or exit) value in memory that outlives
// its phase, and the evidence that resident code reads it
// (docs/design.md#escapes). A function of the unit's flows and symbols
// only, so the same code can run on the joined program.
//
//===----------------------------------------------------------------------===//
#include "checks/analysis/Escapes.h"
#include "checks/analysis/Residency.h"
#include "checks/model/KernelApis.h"
#include "checks/model/Reach.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace initcheck {

namespace {

/// The phase whose memory holds \p S, ReachNone if neither init nor exit.
unsigned valuePhase(const Symbol &S) {
  return phaseOfClass(S.Class) & (ReachInit | ReachExit);
}

/// Memory that outlives init and exit: resident objects (and static
/// locals). Not init or exit memory, not `__refdata` (vouched for), not
/// sections the checker does not judge.
bool outlives(const Symbol &S) {
  return S.Kind == SymbolKind::Variable &&
         phaseOfClass(S.Class) == ReachResident;
}

/// Whether a use at field \p A touches what a store at \p B wrote: one path
/// is the other's prefix (".ops" holds ".ops.handler").
bool overlaps(StringRef A, StringRef B) {
  if (A.size() < B.size())
    std::swap(A, B);
  return A.starts_with(B) &&
         (A.size() == B.size() || A[B.size()] == '.' || A[B.size()] == '[');
}

/// \p A comes after \p B in the same file.
bool after(const Location &A, const Location &B) {
  return !A.File.empty() && A.File == B.File &&
         std::make_pair(A.Line, A.Column) > std::make_pair(B.Line, B.Column);
}

bool sameLine(const Location &A, const Location &B) {
  return !A.File.empty() && A.File == B.File && A.Line == B.Line;
}

/// One value on its way: where it came from and the calls it went through.
struct Path {
  unsigned Value;
  unsigned Origin;
  Location OriginAt; ///< Where Origin hands the value on.
  std::string Through;
  /// 0: Value's address; 1: a copy of what Value holds; 2: a copy of what
  /// the pointers Value holds point to (`*tbl[i]`).
  unsigned Depth;
};

class Finder {
public:
  Finder(const TuFacts &F, function_ref<unsigned(unsigned)> Reach,
         function_ref<bool(unsigned)> Summarized, std::vector<Escape> &Out)
      : F(F), Syms(F.Symbols), Reach(Reach), Summarized(Summarized), Out(Out),
        Joined(!F.HasAllFlows), ParamFlows(flowsByParameter(F)) {}

  void run() {
    for (const Flow &Fl : F.Flows) {
      if (Fl.Value == NoSymbol || isUse(Fl.Sink))
        continue;
      unsigned P = valuePhase(Syms[Fl.Value]);
      // From code of another phase, the reference itself is a finding of
      // init-to-exit, exit-to-init or section-mismatch.
      if (P == ReachNone || Reach(Fl.From) != P)
        continue;
      // Joined facts (initcheck link) hold the flows that left their unit:
      // what its own compile could judge (a store, a kernel API), it did.
      if (Joined && !crossesFiles(Fl))
        continue;
      Visited.clear();
      follow(Fl, Path{Fl.Value, Fl.From, Fl.Loc, "",
                      Fl.Indirect ? 2u : Fl.Contents ? 1u : 0u});
    }
    for (size_t I = 0; I != Out.size(); ++I)
      findReader(I);
    std::vector<Escape> Kept;
    for (size_t I = 0; I != Out.size(); ++I)
      if (!safe(I))
        Kept.push_back(std::move(Out[I]));
    Out = std::move(Kept);
  }

private:
  void follow(const Flow &Fl, const Path &P);
  void store(const Flow &Fl, const Path &P, unsigned Storage,
             StringRef Field);
  void registration(const Flow &Fl, const Path &P, unsigned Api);
  void registration(const Flow &Fl, const Path &P, unsigned Api,
                    unsigned Value, unsigned Template);
  /// What a value at \p P's depth is: Value itself (Template NoSymbol), or
  /// the init symbols the templates it is a copy of name.
  void held(const Path &P, function_ref<void(unsigned, unsigned)> Each);
  void add(Escape E, const Path &P);
  void findReader(size_t I);
  bool safe(size_t I) const;
  /// What kernel API \p Fn does with its argument \p Arg, in a Linux build.
  std::optional<ApiUse> api(unsigned Fn, unsigned Arg) const {
    if (!F.LinuxKernel)
      return std::nullopt;
    return kernelApiUse(Syms[Fn].Identifier, Arg);
  }
  /// An argument to a function another file defines and summarized, or a
  /// store into an object another file defines (whose section only the
  /// link knows).
  bool crossesFiles(const Flow &Fl) const {
    if (Fl.Sink == FlowSink::Global)
      return Fl.Target != NoSymbol;
    return Fl.Sink == FlowSink::Argument && Fl.Target != NoSymbol &&
           Summarized(Fl.Target) &&
           !api(Fl.Target, Fl.Arg);
  }
  bool calls(unsigned Fn, StringRef Identifier) const {
    for (const Reference &R : F.Refs)
      if (R.From == Fn && R.Kind == RefKind::Call &&
          Syms[R.To].Identifier == Identifier)
        return true;
    return false;
  }

  const TuFacts &F;
  const std::vector<Symbol> &Syms;
  function_ref<unsigned(unsigned)> Reach;
  function_ref<bool(unsigned)> Summarized;
  std::vector<Escape> &Out;
  bool Joined;
  initcheck::ParamFlows ParamFlows;
  DenseSet<std::pair<unsigned, unsigned>> Visited;
  /// Per escape of Out: whether its reader is one that no release in the
  /// storing code undoes (a resident function of the unit, or an arming
  /// API called from other code).
  std::vector<bool> Firm;
};

void Finder::follow(const Flow &Fl, const Path &P) {
  if (Fl.Sink == FlowSink::Global) {
    // An object this file only declares is the link's to judge: the
    // declaration need not carry the definition's section (Linux's
    // `extern void (*late_time_init)(void);` is __initdata in main.c).
    if (outlives(Syms[Fl.Target]) && (Joined || Syms[Fl.Target].Defined))
      store(Fl, P, Fl.Target, Fl.Field);
    return;
  }
  if (Fl.Sink != FlowSink::Argument || Fl.Target == NoSymbol)
    return; // a return, or through a pointer: not followed (the docs' limits)
  const Symbol &Callee = Syms[Fl.Target];
  if (std::optional<ApiUse> Use = api(Fl.Target, Fl.Arg)) {
    if (Use->Role == ApiRole::StoresInto) {
      // The object is argument 0 of the same call.
      for (const Flow &Obj : F.Flows)
        if (Obj.From == Fl.From && Obj.Sink == FlowSink::Argument &&
            Obj.Target == Fl.Target && Obj.Arg == 0 && Obj.Value != NoSymbol &&
            !Obj.Contents && sameLine(Obj.Loc, Fl.Loc) &&
            outlives(Syms[Obj.Value])) {
          Path Via = P;
          Via.Through += Callee.Name;
          store(Fl, Via, Obj.Value, Use->Field);
        }
    } else if (Use->Role != ApiRole::Releases &&
               (Use->Role != ApiRole::Arms || !P.Depth)) {
      registration(Fl, P, Fl.Target);
    }
    return;
  }
  if (keepsNoArgument(Callee) || !Summarized(Fl.Target) ||
      !Visited.insert({Fl.Target, Fl.Arg}).second)
    return; // synchronous, or another file's function: judged at link
  auto It = ParamFlows.find({Fl.Target, Fl.Arg});
  if (It == ParamFlows.end())
    return;
  Path Via = P;
  Via.Through += Callee.Name + "(arg " + std::to_string(Fl.Arg) + ") -> ";
  for (unsigned I : It->second) {
    const Flow &Next = F.Flows[I];
    Path Step = Via;
    Step.Depth = P.Depth + (Next.Indirect ? 2 : Next.Contents);
    follow(Next, Step);
  }
}

void Finder::store(const Flow &Fl, const Path &P, unsigned Storage,
                   StringRef Field) {
  std::string Through = StringRef(P.Through).rtrim(" ->").str();
  auto Add = [&](unsigned Value, Escape::HowT How, unsigned Template) {
    Escape E;
    E.Value = Value;
    E.Storage = Storage;
    E.Field = Field.str();
    E.Origin = P.Origin;
    E.InFunction = Fl.From;
    E.Where = Fl.Loc;
    E.How = How;
    E.Template = Template;
    E.Through = Through;
    add(std::move(E), P);
  };
  held(P, [&](unsigned Value, unsigned Template) {
    Add(Value, Template == NoSymbol ? Escape::Store : Escape::TemplateCopy,
        Template);
  });
}

void Finder::held(const Path &P, function_ref<void(unsigned, unsigned)> Each) {
  if (P.Depth == 0) {
    Each(P.Value, NoSymbol);
    return;
  }
  // A copy of a template: what it names is in resident memory now; one
  // level further, what the templates it points to name.
  unsigned Phase = valuePhase(Syms[P.Value]);
  auto Names = [&](unsigned T, auto &&Then) {
    if (Syms[T].Kind != SymbolKind::Variable)
      return;
    for (const Reference &R : F.Refs)
      if (R.From == T && R.Kind == RefKind::AddressOf &&
          valuePhase(Syms[R.To]) == Phase)
        Then(R.To);
  };
  Names(P.Value, [&](unsigned H) {
    if (P.Depth == 1)
      Each(H, P.Value);
    else if (P.Depth == 2)
      Names(H, [&](unsigned HH) { Each(HH, H); });
  });
}

void Finder::registration(const Flow &Fl, const Path &P, unsigned Api) {
  held(P, [&](unsigned Value, unsigned Template) {
    registration(Fl, P, Api, Value, Template);
  });
}

void Finder::registration(const Flow &Fl, const Path &P, unsigned Api,
                          unsigned Value, unsigned Template) {
  Escape E;
  E.Value = Value;
  E.Template = Template;
  E.Origin = P.Origin;
  E.InFunction = Fl.From;
  E.Where = Fl.Loc;
  E.How = Escape::Registration;
  E.Through = P.Through + Syms[Api].Name;
  // The kernel keeps it and calls it; a thread only once woken.
  ApiRole Role = api(Api, Fl.Arg)->Role;
  if (Role != ApiRole::KeepsThread || calls(Fl.From, "wake_up_process")) {
    E.Reader = Api;
    E.ReadAt = Fl.Loc;
    E.ReaderCalls = true;
  }
  add(std::move(E), P);
}

void Finder::add(Escape E, const Path &P) {
  for (const Escape &Old : Out)
    if (Old.Value == E.Value && Old.Storage == E.Storage &&
        Old.Field == E.Field && Old.InFunction == E.InFunction &&
        Old.Origin == E.Origin && Old.Template == E.Template &&
        Old.How == E.How)
      return;
  E.Named = P.OriginAt;
  Out.push_back(std::move(E));
  Firm.push_back(false);
}

void Finder::findReader(size_t I) {
  Escape &E = Out[I];
  // A template copy: which field of the copy holds the value is not known,
  // so no read of a field proves it is read (Xen's plt_src = *pts reads
  // plt_src.read_counter, never the __init .init it also copied).
  if (E.Storage == NoSymbol || E.How == Escape::TemplateCopy)
    return;
  // Code that runs after the value's memory is freed: resident code, and
  // for an init value exit code too (a module's exit runs after its init
  // memory is freed).
  unsigned After = ReachResident;
  if (valuePhase(Syms[E.Value]) == ReachInit)
    After |= ReachExit;
  for (const Flow &U : F.Flows) {
    if (U.Value != E.Storage || !(Reach(U.From) & After))
      continue;
    bool Reads = U.Sink == FlowSink::Read || U.Sink == FlowSink::Called;
    // The best evidence: a call through it, from other code than the
    // store's (which may only read the old value: `nb->next = head;`).
    auto Rank = [&](unsigned From, bool Calls) {
      return 2 * Calls + (From != E.InFunction);
    };
    if (Reads && overlaps(U.Field, E.Field) &&
        (E.Reader == NoSymbol ||
         Rank(U.From, U.Sink == FlowSink::Called) >
             Rank(E.Reader, E.ReaderCalls))) {
      E.Reader = U.From;
      E.ReadAt = U.Loc;
      E.ReaderCalls = U.Sink == FlowSink::Called;
      E.ReadField = U.Field;
      E.ReaderAtExit = !(Reach(U.From) & ReachResident);
      Firm[I] = true;
    }
  }
  if (E.Reader != NoSymbol)
    return;
  // Handed to an API that calls what the object holds (schedule_work(&w)).
  for (const Flow &U : F.Flows)
    if (U.Value == E.Storage && U.Sink == FlowSink::Argument &&
        U.Target != NoSymbol && !U.Contents)
      if (std::optional<ApiUse> Use =
              api(U.Target, U.Arg);
          Use && Use->Role == ApiRole::Arms) {
        // Armed by the storing code itself, a release there undoes it.
        bool Armed = U.From != E.InFunction && U.From != E.Origin;
        if (E.Reader != NoSymbol && !Armed)
          continue;
        E.Reader = U.Target;
        E.ReadAt = U.Loc;
        E.ReaderCalls = true;
        Firm[I] = Armed;
        if (Armed)
          return;
      }
}

bool Finder::safe(size_t I) const {
  const Escape &E = Out[I];
  unsigned Object = E.Storage != NoSymbol ? E.Storage : E.Value;
  bool Released = false;
  for (const Flow &U : F.Flows) {
    if (U.From != E.InFunction && U.From != E.Origin)
      continue;
    // After the store, or after the call that led to it.
    const Location &Since = U.From == E.InFunction ? E.Where : E.Named;
    // The pointer cleared before the function returns: what resident code
    // reads later is null.
    if (U.Sink == FlowSink::Cleared && U.Value == E.Storage &&
        E.Storage != NoSymbol && StringRef(E.Field).starts_with(U.Field) &&
        overlaps(E.Field, U.Field) && after(U.Loc, Since))
      return true;
    // The work flushed, the timer deleted, the notifier unregistered.
    if (U.Sink == FlowSink::Argument && U.Value == Object &&
        U.Target != NoSymbol && !U.Contents && after(U.Loc, Since))
      if (std::optional<ApiUse> Use =
              api(U.Target, U.Arg);
          Use && Use->Role == ApiRole::Releases)
        Released = true;
  }
  // Unless resident code reads it, or arms it again, any time.
  return Released && !Firm[I];
}

} // namespace

void Escapes::findEscapes(function_ref<unsigned(unsigned)> Reach) {
  List.clear();
  Finder(Facts, Reach, [&](unsigned Fn) { return summarized(Fn); }, List)
      .run();
}

} // namespace initcheck
