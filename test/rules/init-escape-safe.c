// initcheck-init-escape: what keeps nothing, or undoes what it kept before
// init memory goes, is no finding: async_schedule() (the kernel runs
// async_synchronize_full() first), synchronous APIs, callees this file
// cannot see (initcheck link joins those), work flushed or cancelled and
// timers deleted in the same init function, notifiers unregistered, a
// pointer cleared before the function returns, __ref code (vouched for),
// a pointer overwritten later in the same function (mm/slub.c's
// kmem_cache_init(): `kmem_cache = &boot_kmem_cache; ...
// kmem_cache = bootstrap(&boot_kmem_cache);`), stores into init memory or
// locals. Each is modelled from the flows, not by the name of the value.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// RUN: %compare_fronts --none --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --none --temp=%t.cpp %s -- -I %inputs -x c++
// expected-no-diagnostics

#include "kernel-init.h"
#include "kernel-apis.h"

struct ops {
  int (*handler)(void);
};
static struct ops ops, ref_ops;
static struct ops init_ops __initdata;
static int __init init_handler(void) { return 0; }
int run_ops(void) { return ops.handler ? ops.handler() : 0; }
int run_ref(void) { return ref_ops.handler ? ref_ops.handler() : 0; }

static void __init init_async(void *data, unsigned long long cookie) {}
static void __init init_ipi(void *info) {}
static int __init init_stop(void *data) { return 0; }
static int __init init_match(struct device *dev, void *data) { return 0; }
#ifdef __cplusplus
extern "C"
#endif
int register_elsewhere(int (*fn)(void));

static void __init init_work_fn(struct work_struct *w) {}
static void __init init_timer_fn(struct timer_list *t) {}
static int __init init_reboot(struct notifier_block *nb, unsigned long a,
                              void *d) { return 0; }
static struct work_struct work, work2;
static struct timer_list timer, timer2;
static struct notifier_block reboot_nb __initdata = {init_reboot};
static struct notifier_block reboot_nb2;

static int __init safe_init(void) {
  async_schedule(init_async, NULL);
  on_each_cpu(init_ipi, NULL, 1);
  smp_call_function_single(0, init_ipi, NULL, 1);
  stop_machine(init_stop, NULL, NULL);
  bus_for_each_dev(NULL, NULL, NULL, init_match);
  register_elsewhere(init_handler);

  INIT_WORK(&work, init_work_fn);
  schedule_work(&work);
  flush_work(&work);
  INIT_WORK(&work2, init_work_fn);
  schedule_work(&work2);
  cancel_work_sync(&work2);
  timer_setup(&timer, init_timer_fn, 0);
  mod_timer(&timer, 1);
  del_timer_sync(&timer);
  timer_setup(&timer2, init_timer_fn, 0);
  add_timer(&timer2);
  timer_delete_sync(&timer2);
  register_reboot_notifier(&reboot_nb);
  unregister_reboot_notifier(&reboot_nb);
  reboot_nb2.notifier_call = init_reboot;
  register_reboot_notifier(&reboot_nb2);
  unregister_reboot_notifier(&reboot_nb2);

  ops.handler = init_handler;
  ops.handler();
  init_ops.handler = init_handler;
  struct ops local;
  local.handler = init_handler;
  ops.handler = NULL;
  return local.handler() + init_ops.handler();
}

struct cache { int objsize; };
static struct cache *cache_ptr;
struct cache *cache_alloc_copy(struct cache *boot);
int cache_size(void) { return cache_ptr->objsize; }
static int __init cache_init(void) {
  static __initdata struct cache boot_cache;
  cache_ptr = &boot_cache;
  boot_cache.objsize = cache_size() + 8;
  cache_ptr = cache_alloc_copy(&boot_cache);
  return 0;
}
early_initcall(cache_init);

static int __ref late_setup(void) {
  ref_ops.handler = init_handler;
  return 0;
}

late_initcall(safe_init);
int use_late(void) { return late_setup(); }
