// Differential example: __initconst ops templates copied into resident
// objects at boot (issue #14, "templates copied into resident storage"), as
// Xen copies its vendor table (`actual_cpu = amd_cpu_dev;`) and drivers
// pick a variant (`memcpy(&ops, tmpl, sizeof ops)`). The template is freed
// with init memory; the copy is resident, and so are the functions it
// names: they run after boot through the copy. So the init-table exemption
// must not hold for them: strict mode reports the resident hook that calls
// __init code (the bug the exemption hid, as modpost-compat does), and
// advises __init for none of them (that fix-it would free code the copy
// still calls). The runtime proves both halves: after boot the hooks run
// from the copies, clean ('' and 'memcpy'), and the one that calls __init
// code is caught calling it ("identify").
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => clean
// initcheck-run: memcpy => clean
// initcheck-run: identify => caught early_quirk

#include <initcheck/init.h>
#include <string.h>

struct cpu_dev {
  int (*c_init)(int cpu);
  int (*c_identify)(int cpu);
};

/* noinline: an inlined copy would live in its caller's section, and the
 * call would never reach .init.text. The side effect (a store the compiler
 * cannot drop: quirks is not static) keeps the call at -O2, which would
 * otherwise drop a call whose result it knows. */
int quirks;
__attribute__((noinline)) static int __init early_quirk(int cpu) { quirks++; return cpu; } // #quirk

__attribute__((noinline)) static int amd_init(int cpu) { return cpu * 2; }
__attribute__((noinline)) static int amd_identify(int cpu) {
  return early_quirk(cpu); // expected-error {{function 'amd_identify' references __init function 'early_quirk'}} expected-note@#quirk {{declared __init here}} expected-note@#entry {{the address of 'amd_identify' escapes here, in __initconst variable 'amd_cpu_dev'}} expected-note@#copy {{a copy of 'amd_cpu_dev' is stored into variable 'actual_cpu' here}}
}
__attribute__((noinline)) static int intel_init(int cpu) { return cpu * 3; }

/* The templates, freed after boot. */
static const struct cpu_dev amd_cpu_dev __initconst = {
  .c_init = amd_init,
  .c_identify = amd_identify, // #entry
};
static const struct cpu_dev intel_cpu_dev __initconst = {
  .c_init = intel_init,
  .c_identify = 0,
};

/* The copies: resident, not static (at -O2 the compiler could otherwise
 * prove the only values ever stored and call them directly). */
struct cpu_dev actual_cpu, second_cpu;

static int __init cpu_dev_init(void) {
  actual_cpu = amd_cpu_dev; // #copy
  memcpy(&second_cpu, &intel_cpu_dev, sizeof second_cpu);
  return actual_cpu.c_init(0) + second_cpu.c_init(0);
}
core_initcall(cpu_dev_init);

/* After boot, as for a CPU that comes online. */
int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "identify"))
    return actual_cpu.c_identify(1) - 1;
  if (argc > 1)
    return second_cpu.c_init(1) - 3;
  return actual_cpu.c_init(1) - 2;
}
