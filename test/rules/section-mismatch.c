// initcheck-section-mismatch: resident code or data that references init or
// exit memory. Strict mode (default) and -plugin-arg-initcheck modpost-compat,
// both kernel initcall encodings, C and C++.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict,cxx -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict,cxx -x c++ -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS %s
//
// Every front: clang-tidy and `initcheck check` report what the plugin
// does (the findings, notes and fixed file pinned above).
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++

#include "kernel-init.h"

// In C++ a namespace-scope const object has internal linkage: unused, it is
// never emitted. Give these external linkage so they exist in both languages.
#ifdef __cplusplus
#define CXX_EXTERN extern
#else
#define CXX_EXTERN
#endif

static int __init setup_hw(void) { return 0; }   // #setup_hw
static void __exit teardown(void) {}              // #teardown
static int __initdata boot_buf[4];                 // #boot_buf
static const char boot_msg[] __initconst = "hi";  // #boot_msg
static int __exitdata exit_flag;                   // #exit_flag
int __attribute__((section(".init.text"))) raw_init(void); // #raw_init
int __section(".init.text") spelled_init(void);   // #spelled_init

// Calls, address-of, reads and writes from resident code.
int reprobe(void) {
  return setup_hw(); // expected-error {{function 'reprobe' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#setup_hw {{'setup_hw' declared __init here}}
}
void *take_address(void) {
  return (void *)&setup_hw; // expected-error {{function 'take_address' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
}
int read_initdata(void) {
  return boot_buf[1]; // expected-error {{function 'read_initdata' references __initdata variable 'boot_buf': .init.data is freed after boot}} expected-note@#boot_buf {{'boot_buf' declared __initdata here}}
}
void write_initdata(int v) {
  boot_buf[0] = v; // expected-error {{function 'write_initdata' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
}
const char *initconst_decay(void) {
  return boot_msg; // expected-error {{function 'initconst_decay' references __initconst variable 'boot_msg': .init.rodata is freed after boot}} expected-note@#boot_msg {{declared __initconst here}}
}
void calls_exit(void) {
  teardown(); // expected-error {{function 'calls_exit' references __exit function 'teardown': .exit.text is discarded when built in}} expected-note@#teardown {{'teardown' declared __exit here}}
}
int reads_exitdata(void) {
  return exit_flag; // expected-error {{function 'reads_exitdata' references __exitdata variable 'exit_flag': .exit.data is discarded when built in}} expected-note@#exit_flag {{declared __exitdata here}}
}
// The annotation is found by section, however it is spelled, and on a
// declaration as well as on the definition.
int raw_user(void) {
  return raw_init() + spelled_init(); // expected-error {{function 'raw_user' references __init function 'raw_init'}} expected-note@#raw_init {{declared __init here}} expected-error {{function 'raw_user' references __init function 'spelled_init'}} expected-note@#spelled_init {{declared __init here}}
}

// asm operands are references (an "i" operand is a relocation); an alias is
// its target, so calling it calls init code.
void asm_operands(void) {
  __asm__ volatile("" : : "i"(setup_hw)); // expected-error {{function 'asm_operands' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
  __asm__ volatile("" : : "X"(&boot_buf[0])); // expected-error {{function 'asm_operands' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
}
#ifndef __cplusplus
int raw_alias(void) __attribute__((alias("raw_init_impl")));
int __init raw_init_impl(void) { return 0; } // #raw_init_impl
int calls_alias(void) {
  return raw_alias(); // expected-error {{function 'calls_alias' references __init function 'raw_alias'}} expected-note@#raw_init_impl {{declared __init here}}
}
#endif

// A configuration-disabled branch is dropped by the compiler and references
// nothing (plugin/clang/dead-branches.c has the details); the rest of the
// function is checked. Inlining cannot hide anything.
#define IS_ENABLED(x) 0
int config_branch(void) {
  if (IS_ENABLED(CONFIG_FOO))
    return setup_hw();
  if (0)
    return boot_buf[0];
  return boot_buf[1]; // expected-error {{function 'config_branch' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
}
static inline __attribute__((always_inline)) int inlined(void) {
  return setup_hw(); // expected-error {{function 'inlined' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
}
int calls_inlined(void) { return inlined(); } // strict-note {{'inlined' is called by function 'calls_inlined' here}}

// Data: struct fields, arrays, nested initializers, function-local statics.
struct driver { int (*probe)(void); void (*remove)(void); const char *name; };
struct driver plain_driver = {
  .probe = setup_hw, // expected-error {{variable 'plain_driver' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
};
int (*init_table[])(void) = { 0, setup_hw }; // expected-error {{variable 'init_table' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
struct wrapper { struct driver d; int *buf; };
struct wrapper nested = {
  .d = { .remove = teardown }, // expected-error {{variable 'nested' references __exit function 'teardown'}} expected-note@#teardown {{declared __exit here}}
  .buf = &boot_buf[2],         // expected-error {{variable 'nested' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
};
int *get_local_static(void) {
  static int *p = boot_buf; // expected-error {{variable 'p' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
  return p; // strict-note {{'p' is used by function 'get_local_static' here}}
}

// Beyond modpost (strict only): const data, .data..read_mostly and
// __ro_after_init are resident too; modpost never scans them.
CXX_EXTERN const struct driver const_driver = {
  .probe = setup_hw, // strict-error {{variable 'const_driver' references __init function 'setup_hw'}} strict-note@#setup_hw {{declared __init here}}
};
CXX_EXTERN const char *const names[] = { boot_msg }; // strict-error {{variable 'names' references __initconst variable 'boot_msg'}} strict-note@#boot_msg {{declared __initconst here}}
struct driver mostly __read_mostly = {
  .probe = setup_hw, // strict-error {{variable 'mostly' in section '.data..read_mostly' references __init function 'setup_hw'}} strict-note@#setup_hw {{declared __init here}}
};
struct driver late_ro __ro_after_init = {
  .probe = setup_hw, // strict-error {{variable 'late_ro' in section '.data..ro_after_init' references __init function 'setup_hw'}} strict-note@#setup_hw {{declared __init here}}
};

// The call graph: a static helper is resident when resident code calls it or
// its address escapes; then its reference is an error, with the reason.
static int shared_helper(void) {
  return setup_hw(); // expected-error {{function 'shared_helper' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
}
int resident_user(void) {
  return shared_helper(); // strict-note {{'shared_helper' is called by function 'resident_user' here}}
}
static int __init init_user(void) { return shared_helper(); }
static int escaping_helper(void) {
  return boot_buf[3]; // expected-error {{function 'escaping_helper' references __initdata variable 'boot_buf'}} expected-note@#boot_buf {{declared __initdata here}}
}
void register_cb(int (*cb)(void));
static int __init registers(void) {
  register_cb(escaping_helper); // strict-note {{the address of 'escaping_helper' escapes here, in __init function 'registers', so it can be used after boot}}
  return init_user();
}
// Two levels of helpers: the note chain leads to the resident caller.
static int inner(void) {
  return setup_hw(); // expected-error {{function 'inner' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
}
static int outer(void) { return inner(); } // strict-note {{'inner' is called by function 'outer' here}}
int entry(void) { return outer(); }        // strict-note {{'outer' is called by function 'entry' here}}
// A used helper is kept and may be called from asm: resident.
static __used int kept(void) {
  return setup_hw(); // expected-error {{function 'kept' references __init function 'setup_hw'}} expected-note@#setup_hw {{declared __init here}}
}

// modpost's whitelist (section mismatches it deliberately allows).
struct driver foo_ops = { .probe = setup_hw, .remove = teardown };
struct driver foo_probe = { .probe = setup_hw };
struct driver foo_console = { .probe = setup_hw };
int *__param_arr = boot_buf;
struct param_ops { int (*set)(void); };
struct param_ops __param_ops_foo = { .set = setup_hw };
extern char __init_begin[] __initdata, _sinittext[] __initdata;
char *boundary[] = { __init_begin, _sinittext };
int __head early_boot(void) { return setup_hw(); }

// Not references: unevaluated operands, discarded sections, __ref.
int unevaluated(void) {
  typeof(setup_hw()) x = 0;
  _Static_assert(sizeof(boot_buf) == 16, "size");
  return x + sizeof(setup_hw()) + __alignof__(boot_buf) + sizeof boot_buf[0];
}
__ADDRESSABLE(setup_hw)
static int __ref guarded(void) { return setup_hw(); }
struct driver ref_driver __refdata = { .probe = setup_hw, .remove = __exit_p(teardown) };
int uses_ref(void) { return guarded(); }
// __ref vouches for the helpers it calls too: an __always_inline helper is
// part of its __ref caller (Linux's memblock_alloc() in x86's __ref
// spp_getpage(), guarded by after_bootmem), silent in both modes.
static inline __attribute__((always_inline)) int *early_alloc(void) { return &boot_buf[0]; }
int after_bootmem;
static int *__ref get_page(void) { return after_bootmem ? 0 : early_alloc(); }
int *resident_get_page(void) { return get_page(); }
// A plain static inline helper of __ref code: modpost-compat assumes it is
// inlined, as clang does (memblock_alloc_raw() in Linux 6.12); strict mode
// does not rely on the inliner and advises __ref.
static inline int *early_alloc_raw(void) { return &boot_buf[1]; } // strict-warning {{function 'early_alloc_raw' references __initdata variable 'boot_buf' and is only used by __ref code: mark it __ref}} strict-note@#boot_buf {{declared __initdata here}}
static int *__ref get_raw(void) { return after_bootmem ? 0 : early_alloc_raw(); } // strict-note {{'early_alloc_raw' is called by __ref function 'get_raw' here}}
int *resident_get_raw(void) { return get_raw(); }
#ifndef __cplusplus
int uses_generic(void) { return _Generic(0, int: 1, long: setup_hw()); }
int uses_compatible(void) { return __builtin_types_compatible_p(typeof(setup_hw), typeof(setup_hw)); }
#endif

// Initcalls: the table entries are init context; a resident initcall
// function is no mismatch (initcheck-initcall-not-init advises __init).
static int __init my_init(void) { return registers(); }
static int resident_initcall(void) { return 0; } // #resident_initcall
core_initcall(my_init);
late_initcall(resident_initcall); // expected-warning {{initcall function 'resident_initcall' is not __init}} expected-note@#resident_initcall {{defined here}}
module_exit(teardown);

#ifdef __cplusplus
// C++: members, constructors, lambdas, templates once instantiated.
struct Device {
  static int __init probe_all(void) { return 0; } // #probe_all
  int __init member_init(void) { return 1; }      // #member_init
  static int counter __initdata;                  // #counter
  Device() {}
  __init Device(int) {} // #init_ctor
};
int Device::counter = 0;
int cxx_members(Device &d) {
  return Device::probe_all() + // cxx-error {{function 'cxx_members' references __init function 'Device::probe_all'}} cxx-note@#probe_all {{'Device::probe_all' declared __init here}}
         d.member_init() +      // cxx-error {{function 'cxx_members' references __init function 'Device::member_init'}} cxx-note@#member_init {{declared __init here}}
         Device::counter;       // cxx-error {{function 'cxx_members' references __initdata variable 'Device::counter'}} cxx-note@#counter {{declared __initdata here}}
}
void cxx_ctor() {
  Device d(1); // cxx-error {{function 'cxx_ctor' references __init function 'Device::Device'}} cxx-note@#init_ctor {{declared __init here}}
}
int cxx_lambda() {
  auto l = [] { return setup_hw(); }; // cxx-error {{function 'lambda in cxx_lambda' references __init function 'setup_hw'}} cxx-note@#setup_hw {{declared __init here}}
  return l(); // cxx-note {{'lambda in cxx_lambda' is called by function 'cxx_lambda' here}}
}
static int __init init_lambda() {
  auto l = [] { return setup_hw(); }; // never emitted: nothing uses init_lambda
  return l();
}
template <typename T> int tmpl(T t) {
  return setup_hw() + t; // cxx-error {{function 'tmpl<int>' references __init function 'setup_hw'}} cxx-note@#setup_hw {{declared __init here}}
}
int use_tmpl() { return tmpl(1); }
template <typename T> int never_instantiated(T t) { return setup_hw() + t; }
int cxx_unevaluated() {
  decltype(setup_hw()) v = 0;
  return v + noexcept(setup_hw()) + sizeof(decltype(boot_buf));
}
int keep_init_lambda() { return 0; }
#endif
