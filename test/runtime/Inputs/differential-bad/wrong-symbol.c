// The driver's self-test: the runtime catches boot_args, but the example
// claims another symbol, and explains a finding the checker never made.
// initcheck-run: => caught boot_table
// initcheck-not-executed: boot_flags: there is no such finding
#include <initcheck/init.h>
int boot_args __initdata = 3;
int main(void) { return boot_args; }
