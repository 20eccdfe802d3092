// Differential example, C++: a class whose static member function is
// __init, called after boot from a resident member function. The checker
// names it as C++ does (Widget::setup); the runtime demangles the faulting
// symbol to the same name.
//
// RUN: %clangxx -fsyntax-only -fplugin=%initcheck_plugin -I %initcheck_runtime/include -Xclang -verify %s
//
// initcheck-run: => clean
// initcheck-run: reset => caught Widget::setup

#include <initcheck/init.h>

class Widget {
public:
  static int setup();
  static int reset();
  static int state;
};
int Widget::state;

/* noinline: inlined into reset(), the code would be resident. */
__attribute__((noinline)) int __init Widget::setup() { return state = 42; } // #setup

int Widget::reset() {
  return setup(); // expected-error {{function 'Widget::reset' references __init function 'Widget::setup'}} expected-note@#setup {{declared __init here}}
}

static int __init widget_init() { return Widget::setup() == 42 ? 0 : -1; }
subsys_initcall(widget_init);

int main(int argc, char **) {
  if (argc > 1)
    return Widget::reset();
  return Widget::state == 42 ? 0 : 1;
}
