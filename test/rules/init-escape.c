// initcheck-init-escape: init code that keeps the address of init memory in
// memory that outlives it, at run time. Every reference here is init to
// init, legal for a section check (modpost, section-mismatch); the value is
// what outlives init. An error when resident code of the file provably
// reads or calls what was kept, advice when it only escapes. The shapes of
// a registration are in init-escape-registrations.c, the safe ones (no
// finding) in init-escape-safe.c.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify -x c++ %s
// modpost-compat follows no values: nothing there.
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=compat -plugin-arg-initcheck modpost-compat %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t.cpp %s -- -I %inputs -x c++
// compat-no-diagnostics

#include "kernel-init.h"
#include "kernel-apis.h"

struct ops {
  int (*handler)(void);
  const char *name;
};
static struct ops ops, quiet_ops, copy_ops, memcpy_ops, vendor_copy;
static int (*hook)(void);

static int __init init_handler(void) { return 0; } // #init_handler
static int __init quiet_handler(void) { return 1; } // #quiet_handler
static char banner[] __initdata = "boot"; // #banner

// A run-time store of an __init function into a resident object that
// resident code calls through: an error.
static int __init setup_ops(void) {
  ops.handler = init_handler; // expected-error {{__init function 'setup_ops' keeps __init function 'init_handler' in memory that outlives it: stored into 'ops.handler', and .init.text is freed after boot; function 'run_ops' calls it after that [initcheck-init-escape]}} expected-note@#init_handler {{'init_handler' declared __init here}} expected-note@#run_ops {{'run_ops' calls through 'ops.handler' here, in resident code}}
  // An __initdata address kept in a resident pointer that resident code
  // reads.
  ops.name = banner; // expected-error {{keeps __initdata variable 'banner' in memory that outlives it: stored into 'ops.name', and .init.data is freed after boot; function 'ops_name' reads it after that}} expected-note@#banner {{'banner' declared __initdata here}} expected-note@#ops_name {{'ops_name' reads 'ops.name' here, in resident code}}
  // Nothing resident reads quiet_ops: advice.
  quiet_ops.handler = quiet_handler; // expected-warning {{__init function 'setup_ops' keeps __init function 'quiet_handler' in memory that outlives it: stored into 'quiet_ops.handler', and .init.text is freed after boot; it can be used after that [initcheck-init-escape]}} expected-note@#quiet_handler {{declared __init here}}
  // Through a local.
  int (*fn)(void) = init_handler;
  hook = fn; // expected-error {{keeps __init function 'init_handler' in memory that outlives it: stored into 'hook', and .init.text is freed after boot; function 'call_hook' calls it after that}} expected-note@#init_handler {{declared __init here}} expected-note@#call_hook {{'call_hook' calls through 'hook' here, in resident code}}
  return 0;
}

int run_ops(void) { return ops.handler(); } // #run_ops
const char *ops_name(void) { return ops.name; } // #ops_name
int call_hook(void) { return hook(); } // #call_hook
int use_quiet(void) { return quiet_ops.name != 0; }

// Templates in init memory copied into resident storage: the functions
// they name run after boot through the copy.
static int __init amd_handler(void) { return 2; } // #amd_handler
static int __init intel_handler(void) { return 3; } // #intel_handler
static int __init vendor_handler(void) { return 4; } // #vendor_handler
static const struct ops amd_tmpl __initconst = {amd_handler, "amd"};
static struct ops intel_tmpl __initdata = {intel_handler, "intel"};
static const struct ops vendor_tmpl __initconst = {vendor_handler, "v"};

// `actual_ops = *vendor_ops;`: a copy through a parameter.
static void __init set_vendor(const struct ops *vendor_ops) {
  vendor_copy = *vendor_ops; // expected-note {{stored here, in __init function 'set_vendor'}}
}

static int __init copy_templates(void) {
  // Advice even though run_copy() calls copy_ops.handler: which field of
  // the copy holds amd_handler is not known, so no read of a field proves
  // it is read.
  copy_ops = amd_tmpl; // expected-warning {{__init function 'copy_templates' keeps __init function 'amd_handler' in memory that outlives it: copied into 'copy_ops' with __initconst variable 'amd_tmpl', and .init.text is freed after boot; it can be used after that}} expected-note@#amd_handler {{declared __init here}}
  memcpy(&memcpy_ops, &intel_tmpl, sizeof memcpy_ops); // expected-warning {{keeps __init function 'intel_handler' in memory that outlives it: copied into 'memcpy_ops' with __initdata variable 'intel_tmpl', and .init.text is freed after boot; it can be used after that}} expected-note@#intel_handler {{declared __init here}}
  set_vendor(&vendor_tmpl); // expected-warning {{keeps __init function 'vendor_handler' in memory that outlives it: copied into 'vendor_copy' with __initconst variable 'vendor_tmpl' through 'set_vendor(arg 0)', and .init.text is freed after boot; it can be used after that}} expected-note@#vendor_handler {{declared __init here}}
  return 0;
}
int run_copy(void) { return copy_ops.handler(); }

// Xen's platform timers (arch/x86/time.c): an __initdata table of pointers
// to templates, one handed to a helper that copies what it points to
// (`plt_src = *pts;`). What is copied is each template's contents: its
// __init hook escapes (advice; resident code reads another field), not the
// template's address.
struct source {
  unsigned long (*read)(void);
  int (*init)(struct source *);
};
static unsigned long read_counter(void) { return 0; }
static int __init init_hpet(struct source *s) { return 0; } // #init_hpet
static struct source hpet __initdata = {read_counter, init_hpet};
static struct source *sources[] __initdata = {&hpet};
static struct source current_source;
static int __init try_source(struct source *s) {
  current_source = *s; // expected-note {{stored here, in __init function 'try_source'}}
  return current_source.init(s);
}
static int __init pick_source(void) {
  return try_source(sources[0]); // expected-warning {{__init function 'pick_source' keeps __init function 'init_hpet' in memory that outlives it: copied into 'current_source' with __initdata variable 'hpet' through 'try_source(arg 0)', and .init.text is freed after boot; it can be used after that}} expected-note@#init_hpet {{declared __init here}}
}
unsigned long read_source(void) { return current_source.read(); }

// Through a local pointer to the object, and memcpy into it.
static struct ops via_ops, via_copy;
static int __init via_local(void) {
  struct ops *p = &via_ops, *q = &via_copy;
  p->handler = quiet_handler; // expected-warning {{__init function 'via_local' keeps __init function 'quiet_handler' in memory that outlives it: stored into 'via_ops.handler', and .init.text is freed after boot; it can be used after that}} expected-note@#quiet_handler {{declared __init here}}
  memcpy(q, &amd_tmpl, sizeof *q); // expected-warning {{keeps __init function 'amd_handler' in memory that outlives it: copied into 'via_copy' with __initconst variable 'amd_tmpl', and .init.text is freed after boot; it can be used after that}} expected-note@#amd_handler {{declared __init here}}
  return 0;
}

// Through a helper that stores its parameter.
static struct ops helper_ops;
static void set_handler(int (*h)(void)) { helper_ops.handler = h; } // expected-note {{stored here, in function 'set_handler'}}
static int __init helper_init(void) {
  set_handler(init_handler); // expected-warning {{__init function 'helper_init' keeps __init function 'init_handler' in memory that outlives it: stored into 'helper_ops.handler' through 'set_handler(arg 0)', and .init.text is freed after boot; it can be used after that}} expected-note@#init_handler {{declared __init here}}
  return 0;
}

// Exit code that keeps an __exit function in resident storage.
static struct ops exit_ops;
static int __exit exit_handler(void) { return 5; } // #exit_handler
static void __exit my_exit(void) {
  exit_ops.handler = exit_handler; // expected-warning {{__exit function 'my_exit' keeps __exit function 'exit_handler' in memory that outlives it: stored into 'exit_ops.handler', and .exit.text is discarded when built in; it can be used after that}} expected-note@#exit_handler {{declared __exit here}}
}

module_init(setup_ops);
module_exit(my_exit);
static int __init more_init(void) {
  return copy_templates() + helper_init() + pick_source() + via_local();
}
late_initcall(more_init);
