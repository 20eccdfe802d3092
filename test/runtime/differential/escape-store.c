// Differential example: a run-time store of an __init function into
// resident storage (issue #14, "a run-time store"). __init code stores the
// address of an __init function into a resident ops structure: an
// init-to-init reference, so no section check fires (modpost neither), but
// the value outlives init and resident code calls it after boot. The
// checker's initcheck-init-escape names the stored function; the runtime
// catches the call through the pointer after init memory is freed, naming
// the same one.
//
// The -verify lines below are what initcheck-init-escape will report (the
// rule is not on this branch yet, hence the lit feature).
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught widget_probe
// initcheck-run: status => clean

#include <initcheck/init.h>

struct widget_ops {
  int (*probe)(void);
  int (*status)(void);
};

/* noinline: an inlined copy would live in its caller's section, and the
 * call would never reach .init.text. */
__attribute__((noinline)) static int __init widget_probe(void) { return 7; } // #probe
__attribute__((noinline)) static int widget_status(void) { return 0; }

/* Resident, not const, not static and not named *_ops (modpost's name
 * whitelist would let a static initializer through; here nothing is in the
 * initializer at all). Not static: at -O2 the compiler could otherwise
 * prove the only value ever stored and call it directly. */
struct widget_ops widget_hooks;

static int probed;
static int __init widget_init(void) {
  widget_hooks.probe = widget_probe; // expected-error {{keeps __init function 'widget_probe' in memory that outlives it: stored into 'widget_hooks.probe'}} expected-note@#probe {{declared __init here}} expected-note@#call {{'main' calls through 'widget_hooks.probe' here, in resident code}}
  widget_hooks.status = widget_status;
  probed = widget_hooks.probe();
  return 0;
}
device_initcall(widget_init);

int main(int argc, char **argv) {
  (void)argv;
  /* After boot: .init.text is gone; the status path is resident. */
  if (argc > 1)
    return widget_hooks.status() + probed - 7;
  return widget_hooks.probe() + probed; // #call
}
