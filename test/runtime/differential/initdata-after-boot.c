// Differential example: __initdata read, and written, after boot. The
// checker names both variables; the runtime catches the read (no argument)
// and the write ("write"), each naming the variable.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught boot_args
// initcheck-run: write => caught boot_table

#include <initcheck/init.h>

/* Not static: the compiler cannot assume nothing else uses them, so the
 * read after boot is a load and the write a store. Static, at -O2 it would
 * fold boot_args to 3 and drop the store nobody reads: nothing to catch. */
int boot_args __initdata = 3;      // #args
int boot_table[8] __initdata;      // #table

static int parsed;
static int __init parse_args(void) {
  boot_table[boot_args] = 1;
  parsed = boot_args;
  return 0;
}
core_initcall(parse_args);

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1) {
    boot_table[5] = 2; // expected-error {{function 'main' references __initdata variable 'boot_table'}} expected-note@#table {{declared __initdata here}}
    return 0;
  }
  return boot_args + parsed; // expected-error {{function 'main' references __initdata variable 'boot_args'}} expected-note@#args {{declared __initdata here}}
}
