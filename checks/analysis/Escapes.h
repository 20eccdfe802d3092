//===- Escapes.h - Which init and exit values outlive their phase -*- C++ -*-===//
//
// The escape analysis over a unit's flows (model/Facts.h, Flow): where the
// addresses and contents of init and exit memory go once code copies them.
// The call graph's exemption for init tables rests on it: a function named
// in an __initdata/__initconst table runs only in that phase while nothing
// copies the table, or a pointer it holds, into storage that outlives the
// phase (docs/design.md#escapes). The same flows give the list of escapes
// itself (escapes(), computed in EscapeList.cpp once the call graph knows
// the phases), which initcheck-init-escape reports.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_ANALYSIS_ESCAPES_H
#define INITCHECK_CHECKS_ANALYSIS_ESCAPES_H

#include "checks/model/Facts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace initcheck {

/// An object in init or exit memory whose contents only that phase reads:
/// a table of functions (or of anything) that code may index and call.
bool isPhaseTable(const Symbol &S);

/// Functions known to only read what their arguments point to (memcmp,
/// strlen, printk), or, like async_schedule(), to finish with it before
/// init memory is freed (the kernel runs async_synchronize_full() first).
bool keepsNoArgument(const Symbol &Callee);

/// An init or exit value that a run-time store or a registration keeps in
/// memory that outlives its phase (initcheck-init-escape).
struct Escape {
  unsigned Value = NoSymbol;   ///< The init or exit symbol that escapes.
  unsigned Storage = NoSymbol; ///< The resident object; NoSymbol: an API.
  std::string Field;           ///< Where in Storage (".handler", "[]").
  unsigned Origin = NoSymbol;  ///< The function that names Value.
  Location Named;              ///< Where Origin hands the value on.
  unsigned InFunction = NoSymbol; ///< The function that stores it.
  Location Where;              ///< The store, or the registration's call.
  enum HowT { Store, TemplateCopy, Registration } How = Store;
  unsigned Template = NoSymbol; ///< TemplateCopy: the table copied.
  /// The calls the value went through to the store: "set_ops(arg 0)",
  /// "a(arg 0) -> b(arg 1)"; for a Registration, ending in the API.
  std::string Through;
  /// The resident function (or kernel API) that provably reads or calls
  /// the stored value, NoSymbol if none: the finding is an error then.
  unsigned Reader = NoSymbol;
  Location ReadAt;
  std::string ReadField; ///< What of Storage the reader loads.
  bool ReaderCalls = false; ///< Reader calls it, not only loads it.
  /// Reader is exit code only (of an init value: it runs after init).
  bool ReaderAtExit = false;
};

/// A parameter: (function, parameter index).
using ParamNode = std::pair<unsigned, unsigned>;
/// The flows of \p F that start at a parameter, by parameter.
using ParamFlows = llvm::DenseMap<ParamNode, std::vector<unsigned>>;
ParamFlows flowsByParameter(const TuFacts &F);

class Escapes {
public:
  /// Why a phase table is not sealed, for the note that explains it.
  struct Unsealed {
    enum KindT { No, ByFlow, External, HeldBy } Kind = No;
    unsigned Index = 0; ///< ByFlow: the flow; HeldBy: the holder symbol.
  };

  explicit Escapes(const TuFacts &Facts);

  /// Whether \p Sym is a phase table whose contents stay in its phase. In
  /// facts read back from objects (no flows), what the unit proved
  /// (Symbol::SealedTable).
  bool sealed(unsigned Sym) const { return Sealed[Sym]; }
  Unsealed whyUnsealed(unsigned Sym) const { return Why[Sym]; }

  /// Whether the value passed as argument \p Arg to function \p Fn may be
  /// kept beyond the call: stored, returned, or handed to a function this
  /// unit does not define. Unknown functions may keep it.
  bool argumentEscapes(unsigned Fn, unsigned Arg) const;

  /// The escapes of the unit's init and exit values (docs/design.md#escapes),
  /// once findEscapes() ran.
  const std::vector<Escape> &escapes() const { return List; }
  /// Compute escapes() with \p Reach, the phases of each symbol (the call
  /// graph's): a value escapes from code that runs only in its phase (other
  /// rules report a reference across phases), and resident code is what
  /// can read it after the phase.
  void findEscapes(llvm::function_ref<unsigned(unsigned)> Reach);
  /// A function whose whole body the flows describe: this unit's, or, in
  /// facts read back from objects, one whose unit stored the summary of
  /// its parameters (Symbol::ParamsSummarized).
  bool summarized(unsigned Fn) const;

private:
  void summarizeParameters();
  void sealTables();

  const TuFacts &Facts;
  std::vector<bool> Sealed;
  std::vector<Unsealed> Why;
  /// Per (function, parameter) with flows: whether it may be kept.
  std::vector<std::pair<std::pair<unsigned, unsigned>, bool>> ParamKept;
  std::vector<Escape> List;
};

} // namespace initcheck

#endif
