/*
 * One input with a finding of every rule, for test/tidy/parity.test: the
 * plugin and the clang-tidy module must agree on every line. Compiled as C
 * and as C++, with and without the asm initcall encoding.
 */
#include "kernel-init.h"

static int __init setup_hw(void) { return 0; }
static int __initdata boot_buf[4];
static void __exit teardown(void) {}

/* section-mismatch, with a note that explains the escape */
int reprobe(void) { return setup_hw(); }
static int resident_helper(void) { return boot_buf[0]; }
int (*get_helper(void))(void) { return resident_helper; }
static int (*hook)(void) __read_mostly = setup_hw;

/* init-to-exit, exit-to-init */
static int __init unwind(void) { teardown(); return hook(); }
static void __exit late(void) { boot_buf[1] = setup_hw(); }

/* export-init, through a macro (the location is the expansion) */
int __init exported_setup(void) { return 0; }
EXPORT_SYMBOL(exported_setup);

/* init-only-helper, transitively, with fix-its */
static int scan_one(int i) { return setup_hw() + i; }
static int scan_all(void) { return scan_one(0) + boot_buf[2]; }
static int *count_ptr = &boot_buf[3];

/* initcall-not-init, with a fix-it; initcall-type through a cast */
static int plain_init(void) { return scan_all() + *count_ptr + unwind(); }
core_initcall(plain_init);
static void wrong_type(void) {}
static initcall_t __wrong __attribute__((used, section(".initcall6.init"))) =
    (initcall_t)wrong_type;

/* const-initdata and nonconst-initconst cannot share a file with writable
 * .init.data (a section type conflict), so they use sections of their own:
 * annotation-mismatch covers the declaration/definition disagreement. */
int __init declared_init(void);
int declared_init(void) { return 0; }

#ifdef __cplusplus
/* C++ names, one with a '%' that must reach the message as text. */
struct Num {
  int operator%(int) { return setup_hw(); }
  static int probe() { return boot_buf[0]; }
};
int use_num(Num &N) { return (N % 2) + Num::probe(); }
#endif

module_init(declared_init);
module_exit(late);
