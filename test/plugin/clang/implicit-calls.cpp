// C++ calls and addresses the source does not spell, each a relocation in
// the object (`llvm-readelf -r` at -O0 and -O2): the vtable points to every
// virtual function, a scope's end runs destructors, `delete` runs the
// destructor and operator delete, `new` a class's operator new, and a
// destructor destroys members and bases.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %clang -c -I %inputs %s -o %t.o

#include "kernel-init.h"

// A virtual __init member: the resident vtable (emitted here, with the key
// function Dev::probe) points into .init.text.
struct Dev {
  virtual int probe();
  virtual int __init setup(); // strict-error {{variable 'vtable for Dev' references __init function 'Dev::setup': .init.text is freed after boot [initcheck-section-mismatch]}} strict-note@#dev_setup {{'Dev::setup' declared __init here}}
  virtual ~Dev();
};
int Dev::probe() { return 0; }
int __init Dev::setup() { return 1; } // #dev_setup
Dev::~Dev() {}

// Without a key function the vtable is emitted where an object is built.
struct Inline {
  virtual void __init prepare() {} // strict-error {{variable 'vtable for Inline' references __init function 'Inline::prepare'}} strict-note {{declared __init here}}
};
Inline *make_inline() { return new Inline; }

// An override that is __init is in the derived class's vtable.
struct Base {
  virtual void run();
};
struct Derived : Base {
  void __init run() override; // strict-error {{variable 'vtable for Derived' references __init function 'Derived::run'}} strict-note@#derived_run {{declared __init here}}
};
void Base::run() {}
void __init Derived::run() {} // #derived_run
Derived *make_derived() { return new Derived; }

// Not emitted here: the key function is defined in another file, which
// holds the vtable (and its finding); an inline-only class nobody builds
// has no vtable at all.
struct Remote {
  virtual void key();
  virtual void __init setup();
};
Remote *make_remote() { return new Remote; }
struct Unbuilt {
  virtual void __init setup() {}
};

// Destructors run at scope exit, at the end of a temporary's
// full-expression, by delete, and registered by address for a static local.
struct Guard {
  __init ~Guard(); // #guard
};
struct Holder { // #holder_class
  Guard g;
}; // implicit ~Holder destroys g
void scope_exit() {
  Guard g; // expected-error {{function 'scope_exit' references __init function 'Guard::~Guard': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#guard {{declared __init here}}
}
void temporary() {
  (void)Guard(); // expected-error {{function 'temporary' references __init function 'Guard::~Guard'}} expected-note@#guard {{declared __init here}}
}
void destroy(Guard *p) {
  delete p; // expected-error {{function 'destroy' references __init function 'Guard::~Guard'}} expected-note@#guard {{declared __init here}}
}
void members() {
  Holder h; // #holder
}
// expected-error@#holder_class {{function 'Holder::~Holder' references __init function 'Guard::~Guard'}} expected-note@#guard {{declared __init here}}
void static_local() {
  static Guard g; // expected-error {{function 'static_local' references __init function 'Guard::~Guard'}} expected-note@#guard {{declared __init here}}
}

// A class's own operator new and delete.
struct Pooled {
  static void *__init operator new(unsigned long n); // #new
  static void __init operator delete(void *p);        // #delete
};
Pooled *alloc_pooled() {
  return new Pooled; // expected-error {{function 'alloc_pooled' references __init function 'Pooled::operator new'}} expected-note@#new {{declared __init here}}
}
void free_pooled(Pooled *p) {
  delete p; // expected-error {{function 'free_pooled' references __init function 'Pooled::operator delete'}} expected-note@#delete {{declared __init here}}
}

// Not mismatches: the same in __init code.
void __init boot_only(Guard *p) {
  Guard g;
  (void)Guard();
  delete p;
  Holder h;
  delete new Pooled;
}
