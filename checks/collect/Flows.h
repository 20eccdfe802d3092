//===- Flows.h - Where a function moves the values it computes --*- C++ -*-===//
//
// Private to checks/collect: the part of the one AST pass that follows
// values (the escape analysis, docs/design.md#escapes). Parents are visited
// before their children, so a statement marks where each operand's value
// goes (a store, an argument, a return, a local) on the expression that
// names its root: `ops.fn = tbl[i].fn` marks `tbl` as a copy of its
// contents going into `ops.fn`. When the collector then visits that name,
// the mark becomes a Flow (a global symbol) or a step between locals,
// which are resolved when the function ends. No second walk: each
// expression is looked at by its parent's mark and its own visit.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_COLLECT_FLOWS_H
#define INITCHECK_CHECKS_COLLECT_FLOWS_H

#include "checks/model/Facts.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Compiler.h"

namespace initcheck {
namespace collect {

class Collector;

class LLVM_LIBRARY_VISIBILITY FlowTracker {
public:
  explicit FlowTracker(Collector &C) : C(C) {}

  /// One step of the walk down an operand to the names its value carries.
  struct ValueItem {
    const clang::Expr *E;
    bool IsLValue, Deref, Read;
  };

  /// Follow values in the body of function \p Fn (a symbol) from now until
  /// the matching end(); nested bodies (lambdas, blocks) stack.
  void begin(unsigned Fn, const clang::Decl *D);
  void end();

  /// \p S is about to be traversed: mark where its operands' values go.
  void noteStatement(const clang::Stmt *S);
  /// \p E names global symbol \p Sym; \p E names local or parameter \p VD.
  void noteGlobal(const clang::Expr *E, unsigned Sym);
  void noteLocal(const clang::Expr *E, const clang::VarDecl *VD);
  /// The unit ends: add the uses of resident storage (FlowSink::Read,
  /// Called, Cleared) of the objects some flow stores into, and resolve
  /// every flow's location (the analysis orders a function's flows).
  void finish(const clang::SourceManager &SM);

private:
  /// Where a value goes, as its parent statement saw it.
  struct Mark {
    FlowSink Sink = FlowSink::Unknown;
    bool ToLocal = false;      ///< Into local Target (a slot), not a Sink.
    unsigned Target = NoSymbol;
    unsigned Arg = 0;
    std::string Field;
    bool Deref = false;        ///< Through a dereference of the named value.
    bool Read = false;         ///< The named object's contents, not its address.
    /// An argument of a kernel API (model/KernelApis.h): a flow of any
    /// global, not only of init and exit memory.
    bool Always = false;
    /// Sink Unknown through local pointer ViaSlot - 1 (`p->fn = v` with
    /// `p = &ops`): a store into what the local points to, when resolved.
    unsigned ViaSlot = 0;
    clang::SourceLocation Loc;
  };
  struct Edge {
    unsigned To;
    bool Deref;
  };
  struct Incoming {
    unsigned Sym;
    bool Contents, Indirect;
  };
  /// One function body being followed.
  struct Body {
    unsigned Fn = 0;
    const clang::Decl *D = nullptr;
    llvm::DenseMap<const clang::Expr *, llvm::SmallVector<Mark, 1>> Marks;
    llvm::DenseMap<const clang::VarDecl *, unsigned> Slots;
    std::vector<const clang::VarDecl *> SlotVars;
    std::vector<std::vector<Edge>> Edges;   ///< Slot to slot.
    std::vector<std::vector<Mark>> Exits;   ///< Slot to a Sink.
    std::vector<std::vector<Incoming>> In;  ///< Symbols into a slot.
    /// A return or goto was seen: a later store may not run on every path.
    bool Left = false;
    /// Values stored through a local pointer (Mark::ViaSlot).
    struct Via {
      unsigned Sym;
      bool Contents, Indirect;
      Mark M;
    };
    std::vector<Via> ThroughLocals;
  };

  unsigned slotFor(const clang::VarDecl *VD);
  /// The marks left on \p E, taken off it (each is used once).
  llvm::SmallVector<Mark, 1> takeMarks(const clang::Expr *E);
  /// The storage an lvalue designates, as a mark (Global, Local or Unknown).
  Mark destination(const clang::Expr *LValue);
  /// The storage a pointer value points to (memcpy's destination).
  Mark pointee(const clang::Expr *Pointer);
  /// Mark the roots of \p E's value with \p M; \p IsLValue: \p E is an
  /// lvalue whose contents (\p M.Read) or address is the value.
  void markValue(const clang::Expr *E, const Mark &M, bool IsLValue = false);
  bool stepName(const ValueItem &I, const Mark &M,
                llvm::SmallVectorImpl<ValueItem> &Work);
  void stepComposite(const ValueItem &I, llvm::SmallVectorImpl<ValueItem> &Work);
  void noteCall(const clang::CallExpr *E);
  /// A load of a pointer from a global's field, or a null stored there.
  void noteRead(const clang::ImplicitCastExpr *Cast);
  void noteCleared(const clang::BinaryOperator *BO, const Mark &Dest);
  void addUse(FlowSink Sink, const Mark &Dest, clang::SourceLocation Loc);
  void emit(unsigned Value, unsigned Param, bool Contents, const Mark &M,
            bool Indirect = false);
  void resolve(Body &B);

  Collector &C;
  std::vector<Body> Bodies; ///< Innermost last.
  llvm::StringSet<> Emitted;
  std::vector<Flow> Uses; ///< Read, Called, Cleared: kept by finish().
};

} // namespace collect
} // namespace initcheck

#endif
