// initcheck-init-escape: registrations that keep the pointer, modelled by
// what the Linux 6.12 API does (checks/model/KernelApis.cpp), with the
// kernel's own macro shapes (test/Inputs/kernel-apis.h). An error when the
// kernel keeps it and calls it (the work is queued, the timer armed, the
// notifier on its chain), advice when it only keeps it.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// RUN: %python %S/../utils/strict_covers_compat.py --cc1="%initcheck_cc1" %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t.cpp %s -- -I %inputs -x c++

#include "kernel-init.h"
#include "kernel-apis.h"

// INIT_WORK() is a store into w.func; schedule_work() runs it.
static void __init init_work_fn(struct work_struct *w) {} // #init_work_fn
static void __init idle_work_fn(struct work_struct *w) {} // #idle_work_fn
static struct work_struct work, idle_work;
static int __init start_work(void) {
  INIT_WORK(&work, init_work_fn); // expected-error {{__init function 'start_work' keeps __init function 'init_work_fn' in memory that outlives it: stored into 'work.func', and .init.text is freed after boot; 'schedule_work' keeps it and calls it after that [initcheck-init-escape]}} expected-note@#init_work_fn {{declared __init here}}
  schedule_work(&work); // expected-note {{'work' is handed to 'schedule_work' here, which keeps it and calls what it holds}}
  // Never queued here: advice.
  INIT_WORK(&idle_work, idle_work_fn); // expected-warning {{keeps __init function 'idle_work_fn' in memory that outlives it: stored into 'idle_work.func', and .init.text is freed after boot; it can be used after that}} expected-note@#idle_work_fn {{declared __init here}}
  return 0;
}

// timer_setup() is a call of init_timer_key(), which sets t.function;
// mod_timer() arms it.
static void __init init_timer_fn(struct timer_list *t) {} // #init_timer_fn
static struct timer_list timer;
static int __init start_timer(void) {
  timer_setup(&timer, init_timer_fn, 0); // expected-error {{keeps __init function 'init_timer_fn' in memory that outlives it: stored into 'timer.function' through 'init_timer_key', and .init.text is freed after boot; 'mod_timer' keeps it and calls it after that}} expected-note@#init_timer_fn {{declared __init here}}
  mod_timer(&timer, 100); // expected-note {{'timer' is handed to 'mod_timer' here, which keeps it and calls what it holds}}
  return 0;
}

// kthread_run() creates the thread and wakes it: the thread calls its
// function; kthread_create() alone only keeps it.
static int __init init_thread(void *data) { return 0; } // #init_thread
static int __init sleeping_thread(void *data) { return 0; } // #sleeping_thread
static int __init start_threads(void) {
  kthread_run(init_thread, NULL, "init-thread"); // expected-error {{__init function 'start_threads' keeps __init function 'init_thread' in memory that outlives it: kept by the kernel through 'kthread_create_on_node', and .init.text is freed after boot; 'kthread_create_on_node' keeps it and calls it after that}} expected-note@#init_thread {{declared __init here}} expected-note {{'kthread_create_on_node' keeps it here and calls it later}}
  return 0;
}
static int __init make_thread(void) {
  kthread_create(sleeping_thread, NULL, "sleeping"); // expected-warning {{keeps __init function 'sleeping_thread' in memory that outlives it: kept by the kernel through 'kthread_create_on_node', and .init.text is freed after boot; it can be used after that}} expected-note@#sleeping_thread {{declared __init here}}
  return 0;
}

// A notifier block in init memory on a chain, and a resident one whose
// callback init code sets.
static int __init init_reboot(struct notifier_block *nb, unsigned long a,
                              void *d) { return 0; }
static struct notifier_block reboot_nb __initdata = {init_reboot}; // #reboot_nb
static int __init init_panic(struct notifier_block *nb, unsigned long a, // #init_panic
                             void *d) { return 0; }
static struct notifier_block panic_nb;
extern struct atomic_notifier_head panic_notifier_list;
static int __init notifiers(void) {
  register_reboot_notifier(&reboot_nb); // expected-error {{__init function 'notifiers' keeps __initdata variable 'reboot_nb' in memory that outlives it: kept by the kernel through 'register_reboot_notifier', and .init.data is freed after boot; 'register_reboot_notifier' keeps it and calls it after that}} expected-note@#reboot_nb {{declared __initdata here}} expected-note {{'register_reboot_notifier' keeps it here and calls it later}}
  panic_nb.notifier_call = init_panic; // expected-error {{keeps __init function 'init_panic' in memory that outlives it: stored into 'panic_nb.notifier_call', and .init.text is freed after boot; 'atomic_notifier_chain_register' keeps it and calls it after that}} expected-note@#init_panic {{declared __init here}}
  atomic_notifier_chain_register(&panic_notifier_list, &panic_nb); // expected-note {{'panic_nb' is handed to 'atomic_notifier_chain_register' here, which keeps it and calls what it holds}}
  return 0;
}

// cpuhp_setup_state(): the startup runs for every CPU that comes online.
static int __init init_online(unsigned int cpu) { return 0; } // #init_online
static int __init hotplug(void) {
  return cpuhp_setup_state(1, "init:online", init_online, NULL); // expected-error {{keeps __init function 'init_online' in memory that outlives it: kept by the kernel through 'cpuhp_setup_state(arg 2) -> __cpuhp_setup_state', and .init.text is freed after boot; '__cpuhp_setup_state' keeps it and calls it after that}} expected-note@#init_online {{declared __init here}} expected-note@kernel-apis.h:* {{kept here, in function 'cpuhp_setup_state'}} expected-note@kernel-apis.h:* {{'__cpuhp_setup_state' keeps it here and calls it later}}
}

// A resident driver whose __init probe init code sets, handed to the
// driver core. A static initializer is a section mismatch already, reported
// once, by that rule.
static int __init init_probe(struct platform_device *pdev) { return 0; } // #init_probe
static int __init static_probe(struct platform_device *pdev) { return 0; } // #static_probe
static struct platform_driver drv;
static struct platform_driver static_drv = {static_probe}; // expected-error {{variable 'static_drv' references __init function 'static_probe': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#static_probe {{declared __init here}}
static int __init drivers(void) {
  drv.probe = init_probe; // expected-error {{keeps __init function 'init_probe' in memory that outlives it: stored into 'drv.probe', and .init.text is freed after boot; '__platform_driver_register' keeps it and calls it after that}} expected-note@#init_probe {{declared __init here}}
  platform_driver_register(&drv); // expected-note {{'drv' is handed to '__platform_driver_register' here, which keeps it and calls what it holds}}
  return platform_driver_register(&static_drv); // expected-note {{the address of 'static_drv' escapes here, in __init function 'drivers', so it can be used after boot}}
}

static int __init all(void) {
  return start_work() + start_timer() + start_threads() + make_thread() +
         notifiers() + hotplug() + drivers();
}
late_initcall(all);
