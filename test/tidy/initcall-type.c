// initcheck-initcall-type under clang-tidy: the kernel calls every initcall
// as int (void) and every exitcall as void (void). A project's wrapper that
// writes the table entry through a cast escapes the kernel's own checks.
//
// RUN: %check_initcheck_tidy %s initcheck-initcall-type %t
// RUN: %check_initcheck_tidy %s initcheck-initcall-type %t -- -- -x c++

#define __init __attribute__((section(".init.text")))
#define __exit __attribute__((section(".exit.text")))
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#define my_initcall(fn, lvl) \
  static initcall_t __my_##fn __attribute__((used, section(".initcall" #lvl ".init"))) = (initcall_t)fn
#define my_exitcall(fn) \
  static exitcall_t __my_exit_##fn __attribute__((used, section(".exitcall.exit"))) = (exitcall_t)fn

static void __init returns_nothing(void) {}
my_initcall(returns_nothing, 6);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: initcall function 'returns_nothing' has type 'void ({{(void)?}})', but the kernel calls initcalls as 'int (void)' [initcheck-initcall-type]
static int __init takes_args(int argc) { return argc; }
my_initcall(takes_args, 1s);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: initcall function 'takes_args' has type 'int (int)', but the kernel calls initcalls as 'int (void)' [initcheck-initcall-type]
static int __exit exit_returns(void) { return 0; }
my_exitcall(exit_returns);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: exitcall function 'exit_returns' has type 'int ({{(void)?}})', but the kernel calls exitcalls as 'void (void)' [initcheck-initcall-type]

// Fine.
static int __init good(void) { return 0; }
static void __exit bye(void) {}
my_initcall(good, 7);
my_exitcall(bye);
