// Differential example: the exit phase of an escape (issue #14: "which
// init (and exit) addresses reach which storage"). Module init stores an
// __init function into a resident cleanup hook, and the module's exit calls
// the hook when it is unloaded, long after init memory was freed (keep-exit
// mode: exit calls run at exit). The reference is init to init, so no
// section check fires; the checker's initcheck-init-escape names the stored
// function, read by exit code; the runtime catches the call at exit, naming
// it.
//
// The -verify lines below are what initcheck-init-escape will report (the
// rule is not on this branch yet, hence the lit feature).
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-script: initcheck-keep-exit
// initcheck-run: => caught undo_boot_quirks

#include <initcheck/init.h>

struct widget_state {
  void (*undo)(void);
  int ready;
};

/* Resident, not static: at -O2 the compiler cannot assume what it holds. */
struct widget_state widget_state;

/* Written for the init's error path, then kept for unload. noinline: an
 * inlined copy would live in its caller's section. */
__attribute__((noinline)) static void __init undo_boot_quirks(void) { widget_state.ready = 0; } // #undo

static int __init widget_init(void) {
  widget_state.undo = undo_boot_quirks; // expected-error {{keeps __init function 'undo_boot_quirks' in memory that outlives it: stored into 'widget_state.undo'}} expected-note@#undo {{declared __init here}} expected-note@#exitcall {{calls through 'widget_state.undo' here, in exit code, which runs after init memory is freed}}
  widget_state.ready = 1;
  return 0;
}
static void __exit widget_exit(void) {
  if (widget_state.undo)
    widget_state.undo(); // #exitcall
}
module_init(widget_init)
module_exit(widget_exit)

int main(void) { return widget_state.ready ? 0 : 1; }
