// Differential example: __ref code that uses init memory only while
// booting. The checker trusts __ref (the author vouches) and accepts the
// program; the runtime agrees: after boot the __ref function takes its
// resident path and the program runs clean.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// expected-no-diagnostics
//
// initcheck-run: => clean
// initcheck-run: again => clean

#include <initcheck/init.h>

static int booting = 1; /* the kernel's system_state */
static int __initdata default_irq = 5;
static int irq;

__attribute__((noinline)) static int __init probe_irq(void) { return default_irq; }

/* Called at boot and after: only the boot path touches init memory. */
int __ref get_irq(void) {
  if (booting)
    irq = probe_irq();
  return irq;
}

/* __refdata: a table of init functions, read only at boot. */
static int (*boot_steps[])(void) __refdata = {probe_irq};

static int __init irq_init(void) { return boot_steps[0]() == get_irq() ? 0 : -1; }
static int __init boot_done(void) { booting = 0; return 0; }
arch_initcall(irq_init);
late_initcall_sync(boot_done);

int main(int argc, char **argv) {
  (void)argv;
  int v = get_irq();
  if (argc > 1)
    v = get_irq();
  return v == 5 ? 0 : 1;
}
