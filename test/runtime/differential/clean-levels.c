// Differential example (docs/runtime.md, "The differential suite"): a clean
// program with initcalls at every level. The checker accepts it; linked
// with the runtime it boots level by level in the order `initcheck link`
// prints, uses its init data and init constants only while booting, and
// runs clean after init memory is freed.
//
// The checker's verdict, as a checker test:
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// expected-no-diagnostics
//
// What the runtime must see (test/runtime/differential.test):
// initcheck-run: => clean
// initcheck-run: status => clean

#include <stdio.h>
#include <string.h>
#include <initcheck/init.h>

static char boot_cmdline[32] __initdata = "quiet";
static const int boot_sizes[] __initconst = {4, 8, 16};

/* Resident state, filled in at boot. */
static int pool_size;
static int quiet;
static int steps;

static int __init step(void) { return ++steps > 0 ? 0 : -1; }

static int __init con_setup(void) { return step(); }
static int __init early_setup(void) { return step(); }
static int __init pure_setup(void) { return step(); }
static int __init core_setup(void) { quiet = strcmp(boot_cmdline, "quiet") == 0; return step(); }
static int __init core_sync(void) { return step(); }
static int __init postcore_setup(void) { return step(); }
static int __init arch_setup(void) { return step(); }
static int __init subsys_setup(void) { pool_size = boot_sizes[2]; return step(); }
static int __init fs_setup(void) { return step(); }
static int __init rootfs_setup(void) { return step(); }
static int __init device_b(void) { return step(); }
static int __init device_a(void) { return step(); }
static int __init late_setup(void) { return step(); }
static int __init late_sync(void) { return step(); }

console_initcall(con_setup);
early_initcall(early_setup);
pure_initcall(pure_setup);
core_initcall(core_setup);
core_initcall_sync(core_sync);
postcore_initcall(postcore_setup);
arch_initcall(arch_setup);
subsys_initcall(subsys_setup);
fs_initcall(fs_setup);
rootfs_initcall(rootfs_setup);
device_initcall(device_b);
device_initcall(device_a);
late_initcall(late_setup);
late_initcall_sync(late_sync);

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "status") == 0)
    printf("pool %d quiet %d\n", pool_size, quiet);
  return steps == 14 && pool_size == 16 && quiet ? 0 : 1;
}
