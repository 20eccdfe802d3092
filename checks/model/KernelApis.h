//===- KernelApis.h - What kernel APIs do with the pointers they get -*- C++ -*-===//
//
// The escape analysis (analysis/Escapes, docs/design.md#escapes) follows
// init and exit values into the functions of the unit; a kernel API is
// usually defined elsewhere, so what it does with its arguments is written
// here, from what the Linux 6.12 implementation does. The collector records
// the arguments of these calls whatever their section (a resident work item
// handed to schedule_work() is the evidence that its handler runs), so the
// table is in the model, where both the collector and the analysis read it.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_MODEL_KERNELAPIS_H
#define INITCHECK_CHECKS_MODEL_KERNELAPIS_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace initcheck {

/// What a kernel API does with one of its arguments.
enum class ApiRole : unsigned char {
  /// Keeps the object the argument points to and later calls what it
  /// holds: schedule_work(&w) runs w.func, mod_timer(&t) runs t.function,
  /// a notifier chain calls nb->notifier_call, the driver core a probe.
  Arms,
  /// Keeps a function and calls it later, from resident code:
  /// __cpuhp_setup_state()'s startup runs for every CPU that comes online.
  KeepsCall,
  /// Keeps a function that runs once the caller wakes the thread:
  /// kthread_create_on_node() (kthread_run() wakes it, wake_up_process()).
  KeepsThread,
  /// Stores the function argument into the object of argument 0, at
  /// Field: init_timer_key(&t, fn, ...) (timer_setup()) sets t.function.
  StoresInto,
  /// Undoes an Arms of the same object before it returns: the work ran or
  /// was cancelled, the timer is off, the notifier is off its chain.
  Releases,
};

struct ApiUse {
  ApiRole Role;
  const char *Field = ""; ///< StoresInto: where in argument 0's object.
};

/// What kernel API \p Name does with its argument \p Arg, if the table
/// knows it.
std::optional<ApiUse> kernelApiUse(llvm::StringRef Name, unsigned Arg);

/// Whether \p Name is in the table at all (the collector then records every
/// global its arguments name).
bool isKernelApi(llvm::StringRef Name);

} // namespace initcheck

#endif
