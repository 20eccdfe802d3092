// Differential example, C++: __initdata and an initcall in a namespace,
// the data read after boot. The checker names the variable with its
// namespace (drivers::probe_order); so does the runtime.
//
// RUN: %clangxx -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => clean
// initcheck-run: list => caught drivers::probe_order

#include <initcheck/init.h>

namespace drivers {
int probe_order[4] __initdata = {3, 1, 2, 0}; // #order
static int first;

static int __init probe_all() { first = probe_order[0]; return 0; }
device_initcall(probe_all);

int count(int list) {
  if (list)
    return probe_order[list]; // expected-error {{function 'drivers::count' references __initdata variable 'drivers::probe_order'}} expected-note@#order {{declared __initdata here}}
  return first;
}
} // namespace drivers

int main(int argc, char **) { return drivers::count(argc > 1) == 3 ? 0 : 1; }
