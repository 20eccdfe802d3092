// Differential example: a registration that keeps the pointer (issue #14,
// "registration that keeps the pointer"). The program's own registration
// API, as the kernel's notifier chains and hook lists: register_hook()
// stores the function into a resident table, notifier_register() links the
// block into a resident chain. __init code registers an __init function,
// and a notifier block in __initdata; resident code runs the hooks and
// walks the chain after boot. No section check fires (the references are
// init to init); the checker's initcheck-init-escape follows the argument
// into the store and names the function and the block; the runtime catches
// the call of the hook (no argument) and the read of the block ("notify"),
// naming each.
//
// The -verify lines below are what initcheck-init-escape will report (the
// rule is not on this branch yet, hence the lit feature).
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught cpu_online_hook
// initcheck-run: notify => caught reboot_nb

#include <initcheck/init.h>

typedef int (*hook_fn)(int);

/* The registration API: resident, as the kernel's. Not static: at -O2 the
 * compiler could otherwise fold the tables it sees written once. */
hook_fn hooks[4];
int nr_hooks;

int register_hook(hook_fn fn) {
  if (nr_hooks == 4)
    return -1;
  hooks[nr_hooks++] = fn; // #store-hook
  return 0;
}

int run_hooks(int cpu) {
  int sum = 0;
  for (int i = 0; i < nr_hooks; i++)
    sum += hooks[i](cpu); // #run
  return sum;
}

struct notifier_block {
  int (*call)(struct notifier_block *nb, int event);
  struct notifier_block *next;
  int priority;
};

struct notifier_block *chain_head;

void notifier_register(struct notifier_block *nb) {
  nb->next = chain_head;
  chain_head = nb; // #store-nb
}

int notifier_call_chain(int event) {
  int ret = 0;
  for (struct notifier_block *nb = chain_head; nb; nb = nb->next) // #walk
    ret |= nb->call(nb, event);
  return ret;
}

/* A CPU hotplug hook marked __init because boot is where it was first
 * called: it runs again for every CPU that comes online. */
__attribute__((noinline)) static int __init cpu_online_hook(int cpu) { return cpu; } // #hook
static int reboot_event(struct notifier_block *nb, int event) { return nb->priority + event; }
/* The block itself in init data: the chain keeps its address. */
static struct notifier_block reboot_nb __initdata = { // #nb
  .call = reboot_event,
  .next = 0,
  .priority = 1,
};

static int __init hooks_init(void) {
  notifier_register(&reboot_nb); // expected-error {{keeps __initdata variable 'reboot_nb' in memory that outlives it: stored into 'chain_head' through 'notifier_register(arg 0)'}} expected-note@#nb {{declared __initdata here}} expected-note@#store-nb {{stored here, in function 'notifier_register'}} expected-note@#walk {{'notifier_call_chain' reads 'chain_head' here, in resident code}}
  return register_hook(cpu_online_hook) + run_hooks(0); // expected-error {{keeps __init function 'cpu_online_hook' in memory that outlives it: stored into 'hooks[]' through 'register_hook(arg 0)'}} expected-note@#hook {{declared __init here}} expected-note@#store-hook {{stored here, in function 'register_hook'}} expected-note@#run {{'run_hooks' calls through 'hooks[]' here, in resident code}}
}
core_initcall(hooks_init);

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1)
    return notifier_call_chain(0) - 1;
  return run_hooks(1) - 1;
}
