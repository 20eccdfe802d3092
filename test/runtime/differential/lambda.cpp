// Differential example, C++: a lambda stored in a resident function pointer
// calls an __init function. The lambda's body is resident code (it is not
// __init), so the call after boot reaches freed .init.text. The checker
// names the __init function; the runtime catches the call.
//
// RUN: %clangxx -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => caught calibrate

#include <initcheck/init.h>

/* noinline: inlined into the lambda, the code would be resident. The side
 * effect: a call of a noinline function with no side effect and a known
 * result is still deleted at -O2 (its result is propagated), and nothing
 * would jump to .init.text. */
static int calibrations;
__attribute__((noinline)) static int __init calibrate() { return ++calibrations; } // #calibrate

/* Not static: the compiler cannot know the pointer still holds the lambda
 * after boot, so main calls through it rather than inlining the body. */
int (*on_resume)() = [] {
  return calibrate(); // expected-error {{function 'lambda in on_resume' references __init function 'calibrate'}} expected-note@#calibrate {{declared __init here}} expected-note@-1 {{the address of 'lambda in on_resume' escapes here, in variable 'on_resume'}}
};

static int loops;
static int __init timer_init() { loops = calibrate(); return 0; }
device_initcall(timer_init);

int main() { return on_resume() + loops; }
