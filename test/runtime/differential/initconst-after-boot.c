// Differential example: __initconst read after boot. The checker names the
// constant; the runtime catches the read in .init.rodata.
//
// RUN: %clang -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
// RUN: %clangxx -x c++ -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught fw_names

#include <initcheck/init.h>

/* extern for C++, where a namespace-scope const object is internal. */
extern const char fw_names[4][8];
const char fw_names[4][8] __initconst = {"a.bin", "b.bin", "c.bin", "d.bin"}; // #names

static int loaded;
static int __init fw_load(void) { loaded = fw_names[1][0] == 'b'; return 0; }
fs_initcall(fw_load);

int main(void) {
  /* volatile: the compiler knows a const's value and at -O2 folds
   * fw_names[1][0] to 'b' in main's own code: no load from .init.rodata,
   * nothing for the runtime to catch (docs/runtime.md, "Differences"). */
  return loaded + *(const volatile char *)&fw_names[1][0] - 'b'; // expected-error {{function 'main' references __initconst variable 'fw_names'}} expected-note@#names {{declared __initconst here}}
}
