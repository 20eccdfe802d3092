// The driver's self-test: a read of __initconst the compiler folds at -O2
// (docs/runtime.md, "Differences"): caught at -O0; at -O2 the runtime
// never sees the read the checker reports.
// initcheck-run: => caught fw_names
#include <initcheck/init.h>
extern const char fw_names[2][8];
const char fw_names[2][8] __initconst = {"a.bin", "b.bin"};
int main(void) { return fw_names[1][0] - 'b'; }
