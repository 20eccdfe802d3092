// Differential example: an exit-phase reference. An exit call reads
// __initdata; it runs at exit (keep-exit mode, a module being unloaded),
// long after init memory was freed. The checker names the variable
// (initcheck-exit-to-init); the runtime catches the read at exit.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-script: initcheck-keep-exit
// initcheck-run: => caught boot_mode

#include <initcheck/init.h>

int boot_mode __initdata = 2; // #mode
static int mode;

static int __init mode_init(void) { mode = boot_mode; return 0; }
static void __exit mode_exit(void) {
  mode += boot_mode; // expected-error {{__exit function 'mode_exit' references __initdata variable 'boot_mode'}} expected-note@#mode {{declared __initdata here}}
}
module_init(mode_init)
module_exit(mode_exit)

int main(void) { return mode == 2 ? 0 : 1; }
