// Differential example: an __initconst ops template that names an __init
// function, copied into a resident object at boot, by assignment and by
// memcpy (issue #14, "templates copied into resident storage"). The
// template's reference to the __init function is init to init: no section
// check fires, modpost neither. But the copy is resident, so it holds the
// address of freed code after boot: the checker's initcheck-init-escape
// names the function the copy holds; the runtime catches the call through
// each copy ('' for the assignment, "memcpy" for the memcpy), naming it.
// A hook the copy holds that is resident runs clean ("resume").
//
// The -verify lines below are what initcheck-init-escape will report (the
// rule is not on this branch yet, hence the lit feature).
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught amd_early_init
// initcheck-run: memcpy => caught intel_early_init
// initcheck-run: resume => clean

#include <initcheck/init.h>
#include <string.h>

struct cpu_dev {
  int (*c_early_init)(int cpu);
  int (*c_resume)(int cpu);
};

/* Marked __init because boot is where they were first called; they run
 * again, through the copy, for every CPU that comes online. noinline: an
 * inlined copy would live in its caller's section. */
__attribute__((noinline)) static int __init amd_early_init(int cpu) { return cpu; } // #amd
__attribute__((noinline)) static int __init intel_early_init(int cpu) { return cpu; } // #intel
__attribute__((noinline)) static int cpu_resume(int cpu) { return cpu; }

static const struct cpu_dev amd_cpu_dev __initconst = {
  .c_early_init = amd_early_init,
  .c_resume = cpu_resume,
};
static const struct cpu_dev intel_cpu_dev __initconst = {
  .c_early_init = intel_early_init,
  .c_resume = cpu_resume,
};

/* The copies: resident, not static (at -O2 the compiler could otherwise
 * prove the only values ever stored and call them directly). */
struct cpu_dev actual_cpu, second_cpu;

static int __init cpu_dev_init(void) {
  actual_cpu = amd_cpu_dev; // expected-warning {{keeps __init function 'amd_early_init' in memory that outlives it: copied into 'actual_cpu' with __initconst variable 'amd_cpu_dev'}} expected-note@#amd {{declared __init here}}
  memcpy(&second_cpu, &intel_cpu_dev, sizeof second_cpu); // expected-warning {{keeps __init function 'intel_early_init' in memory that outlives it: copied into 'second_cpu' with __initconst variable 'intel_cpu_dev'}} expected-note@#intel {{declared __init here}}
  return actual_cpu.c_early_init(0) + second_cpu.c_early_init(0);
}
core_initcall(cpu_dev_init);

/* After boot, as for a CPU that comes online. */
int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "memcpy"))
    return second_cpu.c_early_init(1) - 1; // #early2
  if (argc > 1)
    return actual_cpu.c_resume(1) - 1;
  return actual_cpu.c_early_init(1) - 1; // #early
}
