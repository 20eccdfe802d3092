// The driver's self-test: a finding on a path no run executes, without an
// initcheck-not-executed line to explain it.
// initcheck-run: => clean
#include <initcheck/init.h>
__attribute__((noinline)) int __init reset_hw(void) { return 0; }
int recover(void) { return reset_hw(); }
int main(int argc, char **argv) { (void)argv; return argc > 3 ? recover() : 0; }
