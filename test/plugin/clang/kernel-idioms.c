// Correct kernel code gets no diagnostic: every initcall level, console
// initcalls, __setup, module_init/module_exit built in and modular, both
// initcall encodings, EXPORT_SYMBOL of resident code, __ADDRESSABLE,
// __exit_p in driver structs, __ref/__refdata, _ops/_probe/_console tables.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -DMODULE %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -DMODULE -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -plugin-arg-initcheck modpost-compat -DMODULE -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// And through the driver at -O2, as a kernel build runs it.
// RUN: %clang -fplugin=%initcheck_plugin -I %inputs -O2 -c %s -o %t.o -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS
// expected-no-diagnostics

#include "kernel-init.h"

static int __initdata boot_count;
static const char boot_name[] __initconst = "boot";
static int resident_count;

static int __init parse(char *s) { boot_count = s[0]; return 1; }
static int __init early_fn(void) { return boot_name[0]; }
static int __init pure_fn(void) { return 0; }
static int __init core_fn(void) { return parse((char *)"x"); }
static int __init core_sync_fn(void) { return 0; }
static int __init postcore_fn(void) { return 0; }
static int __init arch_fn(void) { return 0; }
static int __init subsys_fn(void) { return 0; }
static int __init fs_fn(void) { return 0; }
static int __init rootfs_fn(void) { return 0; }
static int __init late_fn(void) { return 0; }
static int __init late_sync_fn(void) { return 0; }
static int __init con_fn(void) { return 0; }
#ifndef MODULE
early_initcall(early_fn);
pure_initcall(pure_fn);
core_initcall(core_fn);
core_initcall_sync(core_sync_fn);
postcore_initcall(postcore_fn);
arch_initcall(arch_fn);
subsys_initcall(subsys_fn);
fs_initcall(fs_fn);
rootfs_initcall(rootfs_fn);
late_initcall(late_fn);
late_initcall_sync(late_sync_fn);
console_initcall(con_fn);
__setup("boot=", parse);
#else
static int __init keep(void) { return early_fn() + pure_fn() + core_fn() + core_sync_fn() + postcore_fn() + arch_fn() + subsys_fn() + fs_fn() + rootfs_fn() + late_fn() + late_sync_fn() + con_fn(); }
#endif

// A driver: probe is resident, remove is __exit behind __exit_p().
struct platform_driver {
  int (*probe)(void);
  void (*remove)(void);
};
static void __exit drv_remove(void) {}
static int drv_probe(void) { return resident_count; }
static struct platform_driver my_driver = {
  .probe = drv_probe,
#ifndef MODULE
  .remove = __exit_p(drv_remove),
#endif
};
// module_platform_driver_probe(): the probe is __init, the struct __refdata.
static int __init once_probe(void) { return 0; }
static struct platform_driver once_driver __refdata = {
  .probe = once_probe,
  .remove = __exit_p(drv_remove),
};
// modpost's whitelist names.
struct console { int (*setup)(void); };
static struct console early_console = { .setup = once_probe };
static struct platform_driver fake_probe = { .probe = once_probe };
static struct platform_driver fake_ops = { .remove = drv_remove };

int platform_driver_register(struct platform_driver *);
int register_console(struct console *);
static int __init drv_init(void) {
#ifdef MODULE
  keep();
#endif
  register_console(&early_console);
  platform_driver_register(&fake_probe);
  platform_driver_register(&fake_ops);
  platform_driver_register(&once_driver);
  return platform_driver_register(&my_driver);
}
static void __exit drv_exit(void) { drv_remove(); }
module_init(drv_init);
module_exit(drv_exit);

// Resident code exported, and a guarded late use of init code via __ref.
int resident_api(void) { return resident_count; }
EXPORT_SYMBOL_GPL(resident_api);
enum system_states { SYSTEM_BOOTING, SYSTEM_RUNNING };
extern enum system_states system_state;
static int __ref maybe_reparse(void) {
  return system_state == SYSTEM_BOOTING ? parse((char *)"y") : 0;
}
int reparse(void) { return maybe_reparse(); }
