// The driver's self-test (test/runtime/differential.test): the checker, as
// modpost, lets an object named *_ops reference init code, so it accepts
// this program, but the call after boot faults. An accepted program must
// run clean: the driver reports the difference.
// initcheck-run: => clean
#include <initcheck/init.h>
struct widget_ops { int (*probe)(void); };
__attribute__((noinline)) static int __init widget_probe(void) { return 7; }
struct widget_ops widget_ops = { .probe = widget_probe };
int main(void) { return widget_ops.probe(); }
