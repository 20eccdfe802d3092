// Differential example: a mismatch on a path the program does not execute
// after boot. The checker reports it (it reads the source, every path);
// no run takes the path, so the runtime has nothing to catch and every run
// is clean. initcheck-not-executed records why the finding is not caught.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => clean
// initcheck-run: status => clean
// initcheck-not-executed: reset_hw: widget_recover runs only with 3+ arguments, and no run passes them

#include <initcheck/init.h>

__attribute__((noinline)) int __init reset_hw(void) { return 0; } // #reset

int widget_recover(void) {
  return reset_hw(); // expected-error {{function 'widget_recover' references __init function 'reset_hw'}} expected-note@#reset {{declared __init here}}
}

static int __init widget_init(void) { return reset_hw(); }
device_initcall(widget_init);

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 3)
    return widget_recover();
  return 0;
}
