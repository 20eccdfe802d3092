// Differential example: init addresses that go to storage but do not
// outlive init (issue #14: "pointers provably cleared before the phase
// ends", "storage in init memory"). An __init function stores an __init
// function into a resident hook, uses it, and clears it before it returns;
// another copies an __initconst template into an __initdata object, which
// is freed with it. Nothing init remains reachable from resident memory
// after boot, so the checker accepts the program (no finding, in strict
// mode with initcheck-init-escape too), and every run is clean after init
// memory is freed: resident code finds the hook cleared and never touches
// the __initdata copy.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// expected-no-diagnostics
//
// initcheck-run: => clean
// initcheck-run: probe => clean

#include <initcheck/init.h>
#include <string.h>

struct bus_ops {
  int (*probe)(int id);
  int (*scan)(int id);
};

/* noinline: an inlined copy would live in its caller's section, and a call
 * would never reach .init.text. */
__attribute__((noinline)) static int __init early_probe(int id) { return id; }
__attribute__((noinline)) static int __init early_scan(int id) { return id + 1; }
__attribute__((noinline)) static int bus_probe(int id) { return id; }

/* Resident, not static: at -O2 the compiler cannot assume what it holds. */
struct bus_ops bus_hooks;

static int __init bus_early_init(void) {
  int found;
  bus_hooks.probe = early_probe; /* only while booting */
  found = bus_hooks.probe(1);
  bus_hooks.probe = 0; /* cleared before init ends */
  return found - 1;
}
core_initcall(bus_early_init);

/* A template copied into init data: the copy dies with init memory. */
static const struct bus_ops boot_tmpl __initconst = {
  .probe = early_probe,
  .scan = early_scan,
};
static struct bus_ops boot_ops __initdata;

static int __init bus_scan_init(void) {
  memcpy(&boot_ops, &boot_tmpl, sizeof boot_ops);
  return boot_ops.scan(0) - 1;
}
subsys_initcall(bus_scan_init);

/* After boot the hook is the resident one, once resident code sets it. */
int main(int argc, char **argv) {
  (void)argv;
  if (!bus_hooks.probe && argc > 1)
    bus_hooks.probe = bus_probe;
  return bus_hooks.probe ? bus_hooks.probe(0) : 0;
}
