// The driver's self-test (test/runtime/differential.test): the checker
// names boot_args (read after boot on one path), but the runtime catches
// widget_probe, called through an object named *_ops that the checker, as
// modpost, lets through. A report of a symbol the checker did not name is
// a checker miss even when the checker has other findings.
// initcheck-run: => clean
// initcheck-run: args => caught boot_args
#include <initcheck/init.h>
struct widget_ops { int (*probe)(void); };
__attribute__((noinline)) static int __init widget_probe(void) { return 7; }
struct widget_ops widget_ops = { .probe = widget_probe };
int boot_args __initdata = 3;
int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1)
    return boot_args;
  return widget_ops.probe() - 7;
}
