// initcheck-initcall-type: the kernel calls every initcall as int (void)
// and every exitcall as void (void). The kernel's macros check this with a
// static_assert or __inittest; a project's wrapper that writes the table
// entry itself (here, through a cast) does not.
//
// RUN: %initcheck_cc1 -fsyntax-only -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -verify -x c++ %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs

#define __init __attribute__((section(".init.text")))
#define __exit __attribute__((section(".exit.text")))
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#define my_initcall(fn, lvl) \
  static initcall_t __my_##fn __attribute__((used, section(".initcall" #lvl ".init"))) = (initcall_t)fn
#define my_exitcall(fn) \
  static exitcall_t __my_exit_##fn __attribute__((used, section(".exitcall.exit"))) = (exitcall_t)fn

static void __init returns_nothing(void) {} // #returns_nothing
my_initcall(returns_nothing, 6); // expected-error-re {{initcall function 'returns_nothing' has type 'void ({{(void)?}})', but the kernel calls initcalls as 'int (void)' [initcheck-initcall-type]}} expected-note@#returns_nothing {{'returns_nothing' defined here}}
static int __init takes_args(int argc) { return argc; } // #takes_args
my_initcall(takes_args, 1s); // expected-error {{initcall function 'takes_args' has type 'int (int)'}} expected-note@#takes_args {{defined here}}
static int __exit exit_returns(void) { return 0; } // #exit_returns
my_exitcall(exit_returns); // expected-error-re {{exitcall function 'exit_returns' has type 'int ({{(void)?}})', but the kernel calls exitcalls as 'void (void)'}} expected-note@#exit_returns {{defined here}}

// Fine.
static int __init good(void) { return 0; }
static void __exit bye(void) {}
my_initcall(good, 7);
my_exitcall(bye);
