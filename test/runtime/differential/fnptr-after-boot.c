// Differential example: an __init function called after boot through a
// function pointer in resident data. The checker names the __init function;
// the runtime catches the call after boot, naming the same one.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught widget_probe

#include <initcheck/init.h>

struct widget_ops {
  int (*probe)(void);
};

/* noinline: an inlined copy would live in its caller's section, and the
 * call would never reach .init.text. */
__attribute__((noinline)) static int __init widget_probe(void) { return 7; } // #probe

/* Not named *_ops: the checker, as modpost, lets such objects reference
 * init code (a known blind spot: test/runtime/differential.test shows the
 * runtime catching one). Not const: the pointer of a const table is known,
 * and at -O2 the call becomes a direct one whose result (7) is propagated:
 * nothing jumps to .init.text. */
struct widget_ops widget_hooks = {
  .probe = widget_probe, // expected-error {{variable 'widget_hooks' references __init function 'widget_probe'}} expected-note@#probe {{declared __init here}}
};

static int probed;
static int __init widget_init(void) { probed = widget_hooks.probe(); return 0; }
device_initcall(widget_init);

int main(void) {
  /* After boot: .init.text is gone. */
  return widget_hooks.probe() + probed;
}
