// initcheck-init-escape outside Linux (no __KERNEL__, a hypervisor such as
// Xen): the kernel APIs of the escape analysis are Linux 6.12's, so a
// function of the same name is judged by its body like any other (Xen's
// cpufreq_register_driver() copies the driver it is given; its body is for
// initcheck link), and Xen's on_selected_cpus() keeps nothing: it returns
// once every CPU took the call, which it reads only while selected.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// RUN: %compare_fronts --none --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --none --temp=%t.cpp %s -- -I %inputs -x c++
// expected-no-diagnostics

#include "kernel-init.h"

#ifdef __cplusplus
extern "C" {
#endif
struct cpufreq_driver { int (*init)(void); };
int cpufreq_register_driver(const struct cpufreq_driver *driver);
struct cpumask { unsigned long bits; };
static struct cpumask online;
void on_selected_cpus(const struct cpumask *selected, void (*func)(void *),
                      void *info, int wait);
#ifdef __cplusplus
}
#endif

static int __init drv_init(void) { return 0; }
static const struct cpufreq_driver init_driver __initconst = {
    .init = drv_init,
};
static int stuck __initdata;
static void __init count_cpu(void *info) { ++*(int *)info; }

struct call_data { void (*func)(void *); void *info; };
static struct call_data call_data;
void on_selected_cpus(const struct cpumask *selected, void (*func)(void *),
                      void *info, int wait) {
  call_data.func = func;
  call_data.info = info;
  (void)selected;
  (void)wait;
}
void call_interrupt(void) { call_data.func(call_data.info); }

static int __init boot_init(void) {
  on_selected_cpus(&online, count_cpu, &stuck, 1);
  return cpufreq_register_driver(&init_driver);
}
device_initcall(boot_init);
