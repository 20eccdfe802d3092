//===- KernelApis.cpp - What kernel APIs do with the pointers they get ----===//
//
// Each entry says why (Linux 6.12). Functions not listed, and any function
// this unit does not define, are judged at `initcheck link`, where their
// definition is known: no finding from an unknown callee in one file.
// Synchronous APIs that keep nothing (on_each_cpu_cond_mask(),
// smp_call_function*(), stop_machine(), bus_for_each_dev() and the other
// iterators) are not listed: they give no finding either way.
//
//===----------------------------------------------------------------------===//
#include "checks/model/KernelApis.h"

using namespace llvm;

namespace initcheck {

namespace {
struct Entry {
  const char *Name;
  unsigned Arg;
  ApiRole Role;
  const char *Field;
};
} // namespace

static const Entry Table[] = {
    // kernel/workqueue.c: the pool keeps the work item until its func ran.
    {"schedule_work", 0, ApiRole::Arms, ""},
    {"schedule_work_on", 1, ApiRole::Arms, ""},
    {"queue_work", 1, ApiRole::Arms, ""},
    {"queue_work_on", 2, ApiRole::Arms, ""},
    {"schedule_delayed_work", 0, ApiRole::Arms, ""},
    {"schedule_delayed_work_on", 1, ApiRole::Arms, ""},
    {"queue_delayed_work", 1, ApiRole::Arms, ""},
    {"queue_delayed_work_on", 2, ApiRole::Arms, ""},
    {"mod_delayed_work", 1, ApiRole::Arms, ""},
    {"mod_delayed_work_on", 2, ApiRole::Arms, ""},
    // flush waits until it ran; cancel_*_sync until it is off and idle.
    {"flush_work", 0, ApiRole::Releases, ""},
    {"flush_delayed_work", 0, ApiRole::Releases, ""},
    {"cancel_work_sync", 0, ApiRole::Releases, ""},
    {"cancel_delayed_work_sync", 0, ApiRole::Releases, ""},
    // kernel/time/timer.c: the wheel keeps the timer until it fired.
    {"add_timer", 0, ApiRole::Arms, ""},
    {"add_timer_on", 0, ApiRole::Arms, ""},
    {"add_timer_global", 0, ApiRole::Arms, ""},
    {"add_timer_local", 0, ApiRole::Arms, ""},
    {"mod_timer", 0, ApiRole::Arms, ""},
    {"mod_timer_pending", 0, ApiRole::Arms, ""},
    {"timer_reduce", 0, ApiRole::Arms, ""},
    // The _sync forms wait for a running callback; del_timer() does not.
    {"del_timer_sync", 0, ApiRole::Releases, ""},
    {"timer_delete_sync", 0, ApiRole::Releases, ""},
    {"timer_shutdown_sync", 0, ApiRole::Releases, ""},
    // timer_setup() and __init_timer() expand to init_timer_key().
    {"init_timer_key", 1, ApiRole::StoresInto, ".function"},
    // kernel/notifier.c: the chain keeps the block and calls
    // nb->notifier_call on every event; unregister takes it off (and, for
    // the blocking and SRCU chains, waits for running callbacks).
    {"atomic_notifier_chain_register", 1, ApiRole::Arms, ""},
    {"blocking_notifier_chain_register", 1, ApiRole::Arms, ""},
    {"raw_notifier_chain_register", 1, ApiRole::Arms, ""},
    {"srcu_notifier_chain_register", 1, ApiRole::Arms, ""},
    {"atomic_notifier_chain_unregister", 1, ApiRole::Releases, ""},
    {"blocking_notifier_chain_unregister", 1, ApiRole::Releases, ""},
    {"raw_notifier_chain_unregister", 1, ApiRole::Releases, ""},
    {"srcu_notifier_chain_unregister", 1, ApiRole::Releases, ""},
    // kernel/cpu.c: startup (argument 3) runs for every CPU that comes
    // online, teardown (4) for every one that goes: from resident code.
    {"__cpuhp_setup_state", 3, ApiRole::KeepsCall, ""},
    {"__cpuhp_setup_state", 4, ApiRole::KeepsCall, ""},
    {"__cpuhp_setup_state_cpuslocked", 3, ApiRole::KeepsCall, ""},
    {"__cpuhp_setup_state_cpuslocked", 4, ApiRole::KeepsCall, ""},
    // kernel/kthread.c: the new thread calls threadfn once it is woken.
    {"kthread_create_on_node", 0, ApiRole::KeepsThread, ""},
    {"kthread_create_on_cpu", 0, ApiRole::KeepsThread, ""},
};

/// register_reboot_notifier(), register_die_notifier(), ...: one notifier
/// block, kept on a chain (kernel/reboot.c and the like).
static bool isRegisterNotifier(StringRef Name) {
  return Name.starts_with("register_") && Name.ends_with("_notifier");
}
static bool isUnregisterNotifier(StringRef Name) {
  return Name.starts_with("unregister_") && Name.ends_with("_notifier");
}
/// __platform_driver_register(), __pci_register_driver(), driver_register():
/// the driver core keeps the driver and calls its probe for every device
/// that binds, at any time; *_driver_unregister() takes it off the bus.
static bool isRegisterDriver(StringRef Name) {
  return Name.ends_with("_driver_register") || Name == "driver_register" ||
         (Name.ends_with("_register_driver") &&
          !Name.contains("unregister"));
}
static bool isUnregisterDriver(StringRef Name) {
  return Name.ends_with("_driver_unregister") || Name == "driver_unregister" ||
         Name.ends_with("_unregister_driver");
}

std::optional<ApiUse> kernelApiUse(StringRef Name, unsigned Arg) {
  for (const Entry &E : Table)
    if (Name == E.Name && Arg == E.Arg)
      return ApiUse{E.Role, E.Field};
  if (Arg != 0)
    return std::nullopt;
  if (isRegisterNotifier(Name) || isRegisterDriver(Name))
    return ApiUse{ApiRole::Arms, ""};
  if (isUnregisterNotifier(Name) || isUnregisterDriver(Name))
    return ApiUse{ApiRole::Releases, ""};
  return std::nullopt;
}

bool isKernelApi(StringRef Name) {
  for (const Entry &E : Table)
    if (Name == E.Name)
      return true;
  return isRegisterNotifier(Name) || isUnregisterNotifier(Name) ||
         isRegisterDriver(Name) || isUnregisterDriver(Name);
}

} // namespace initcheck
