// The init-table exemption of the call graph holds only while the table
// stays in init memory. A static function named only in an __initconst
// table runs only at init while init code just indexes the table and calls
// it; once init code copies the table (a struct copy, memcpy, a field, a
// table of pointers to templates) into resident storage, or hands it to a
// function that may keep it, the function runs after boot through the copy.
// Then it is resident: its call to __init code is the error modpost-compat
// reports too, with no init-only-helper advice (whose fix-it would free it)
// and no --suggest line. Strict mode is never weaker than modpost-compat.
//
// RUN: not %initcheck_cc1 -fsyntax-only -I %inputs -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=STRICT,BOTH --implicit-check-not=[initcheck-
// RUN: not %initcheck_cc1 -fsyntax-only -I %inputs -fno-caret-diagnostics -x c++ %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=STRICT,BOTH --implicit-check-not=[initcheck-
// RUN: not %initcheck_cc1 -fsyntax-only -I %inputs -fno-caret-diagnostics -plugin-arg-initcheck modpost-compat %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=COMPAT,BOTH --implicit-check-not=[initcheck-
// Every compat finding is a strict error at the same place.
// RUN: %python %S/../../utils/strict_covers_compat.py --cc1="%initcheck_cc1" %s -- -I %inputs
// RUN: %python %S/../../utils/strict_covers_compat.py --cc1="%initcheck_cc1" %s -- -I %inputs -x c++
// And on the rules' own tests and the init-table objects.
// RUN: %python %S/../../utils/strict_covers_compat.py --cc1="%initcheck_cc1" \
// RUN:   %S/init-table-objects.c %S/../../rules/section-mismatch.c %S/../../rules/init-only-helper.c \
// RUN:   %S/../../rules/init-to-exit.c %S/../../rules/exit-to-init.c %S/../../rules/initcall-not-init.c \
// RUN:   %S/../../rules/initcall-type.c %S/../../rules/export-init.c -- -I %inputs
// clang-tidy and `initcheck check` report what the plugin does.
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t.cpp %s -- -I %inputs -x c++
// --suggest: only the function of the sealed table could be __init.
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -c %s -o %t.o 2>/dev/null
// RUN: %initcheck link --suggest %t.o | FileCheck %s --check-prefix=SUGGEST --implicit-check-not=suggest
// SUGGEST: suggest	could-be-init	ext_sealed_start

#include "kernel-init.h"

typedef unsigned long size_t;
struct ops { int (*start)(void); const char *name; };
#ifdef __cplusplus
extern "C" {
#endif
void *memcpy(void *, const void *, size_t);
int register_ops(const struct ops *);
void __static_call_update(void *key, void *tramp, void *func);
#ifdef __cplusplus
}
#endif
static struct ops actual_ops, ops2, ops3, ops4;
static const struct ops *cur;
static int key;

static int __init setup_hw(void) { return 0; }

// Sealed: an init table of functions that init code indexes and calls.
// STRICT: init-table-copies.c:[[@LINE+2]]:34: warning: function 'step_a' references __init function 'setup_hw' and is only used by init code: mark it __init [initcheck-init-only-helper]
// COMPAT: init-table-copies.c:[[@LINE+1]]:34: error: function 'step_a' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
static int step_a(void) { return setup_hw(); }
static int (*steps[])(void) __initdata = { step_a };

// A struct copy into a resident object.
// BOTH: init-table-copies.c:[[@LINE+3]]:37: error: function 'amd_start' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'amd_start' escapes here, in __initconst variable 'amd_ops', so it can be used after boot
// STRICT-NEXT: note: a copy of 'amd_ops' is stored into variable 'actual_ops' here, in __init function 'board_init', so what it holds can be used after boot
static int amd_start(void) { return setup_hw(); }
static const struct ops amd_ops __initconst = { .start = amd_start };

// Copied through a local pointer to the template.
// BOTH: init-table-copies.c:[[@LINE+3]]:39: error: function 'intel_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'intel_start' escapes here
// STRICT-NEXT: note: a copy of 'intel_ops' is stored into variable 'ops2' here, in __init function 'board_init'
static int intel_start(void) { return setup_hw(); }
static const struct ops intel_ops __initconst = { .start = intel_start };

// memcpy.
// BOTH: init-table-copies.c:[[@LINE+3]]:35: error: function 'm_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'm_start' escapes here
// STRICT-NEXT: note: a copy of 'm_ops' is stored into variable 'ops3' here, in __init function 'board_init'
static int m_start(void) { return setup_hw(); }
static const struct ops m_ops __initconst = { .start = m_start };

// One field of the template.
// BOTH: init-table-copies.c:[[@LINE+3]]:35: error: function 'f_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'f_start' escapes here
// STRICT-NEXT: note: a copy of 'f_ops' is stored into variable 'ops4' (ops4.start) here, in __init function 'board_init'
static int f_start(void) { return setup_hw(); }
static const struct ops f_ops __initconst = { .start = f_start };

// A template chosen from an __initconst table of pointers to templates.
// BOTH: init-table-copies.c:[[@LINE+4]]:35: error: function 'v_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'v_start' escapes here
// STRICT-NEXT: note: 'v_ops' is reachable from __initconst variable 'vendors'
// STRICT-NEXT: note: a copy of 'vendors' is stored into variable 'actual_ops' here, in __init function 'board_init'
static int v_start(void) { return setup_hw(); }
static const struct ops v_ops __initconst = { .start = v_start };
static const struct ops *const vendors[] __initconst = { &v_ops };

// Handed to a function of another file, which may keep it.
// BOTH: init-table-copies.c:[[@LINE+3]]:35: error: function 'r_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'r_start' escapes here
// STRICT-NEXT: note: the address of 'r_ops' is passed to function 'register_ops' here, in __init function 'board_init', which may keep it after boot
static int r_start(void) { return setup_hw(); }
static const struct ops r_ops __initconst = { .start = r_start };

// Handed to a function of this file that only reads it: sealed.
// STRICT: init-table-copies.c:[[@LINE+2]]:35: warning: function 'p_start' references __init function 'setup_hw' and is only used by init code{{.*}} [initcheck-init-only-helper]
// COMPAT: init-table-copies.c:[[@LINE+1]]:35: error: function 'p_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
static int p_start(void) { return setup_hw(); }
static const struct ops p_ops __initconst = { .start = p_start };
static int __init probe_with(const struct ops *o) { return o->start(); }

// Handed to a function of this file that keeps it.
// BOTH: init-table-copies.c:[[@LINE+3]]:35: error: function 'i_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'i_start' escapes here
// STRICT-NEXT: note: the address of 'i_ops' is passed to __init function 'install' here, in __init function 'board_init', which may keep it after boot
static int i_start(void) { return setup_hw(); }
static const struct ops i_ops __initconst = { .start = i_start };
static void __init install(const struct ops *o) { cur = o; }

// static_call_update(), as the kernel spells it.
// BOTH: init-table-copies.c:[[@LINE+3]]:35: error: function 's_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 's_start' escapes here
// STRICT-NEXT: note: a copy of 's_ops' is passed to function '__static_call_update' here, in __init function 'board_init', which may keep it after boot
static int s_start(void) { return setup_hw(); }
static const struct ops s_ops __initconst = { .start = s_start };

// An external table: another file may copy it.
// BOTH: init-table-copies.c:[[@LINE+4]]:35: error: function 'e_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
// STRICT-NEXT: note: the address of 'e_start' escapes here
// STRICT-NEXT: note: 'e_ops' is external: another file may copy it
extern const struct ops e_ops;
static int e_start(void) { return setup_hw(); }
const struct ops e_ops __initconst = { .start = e_start };

// Read into a local and called: sealed.
// STRICT: init-table-copies.c:[[@LINE+2]]:35: warning: function 'l_start' references __init function 'setup_hw' and is only used by init code{{.*}} [initcheck-init-only-helper]
// COMPAT: init-table-copies.c:[[@LINE+1]]:35: error: function 'l_start' references __init function 'setup_hw'{{.*}} [initcheck-section-mismatch]
static int l_start(void) { return setup_hw(); }
static const struct ops l_ops __initconst = { .start = l_start };

// External functions (--suggest): one copied out, one only called.
#ifdef __cplusplus
extern "C" {
#endif
int ext_copied_start(void) { return 0; }
int ext_sealed_start(void) { return 0; }
#ifdef __cplusplus
}
#endif
static const struct ops ext_copied __initconst = { .start = ext_copied_start };
static const struct ops ext_sealed __initconst = { .start = ext_sealed_start };
static struct ops ext_actual;

static int __init board_init(void) {
  const struct ops *v = &intel_ops;
  int (*fn)(void) = l_ops.start;
  actual_ops = amd_ops;
  ops2 = *v;
  memcpy(&ops3, &m_ops, sizeof ops3);
  ops4.start = f_ops.start;
  actual_ops = *vendors[0];
  register_ops(&r_ops);
  install(&i_ops);
  __static_call_update(&key, 0, (void *)s_ops.start);
  ext_actual = ext_copied;
  return steps[0]() + probe_with(&p_ops) + fn() + ext_sealed.start();
}
device_initcall(board_init);

int resident(void) {
  return actual_ops.start() + ops2.start() + ops3.start() + ops4.start() +
         cur->start() + ext_actual.start();
}

// install() keeps the address of i_ops itself in `cur`, which resident()
// reads: initcheck-init-escape (after the other rules' findings).
// STRICT: init-table-copies.c:160:11: error: __init function 'board_init' keeps __initconst variable 'i_ops' in memory that outlives it: stored into 'cur' through 'install(arg 0)', and .init.rodata is freed after boot; function 'resident' reads it after that [initcheck-init-escape]
// STRICT-NEXT: note: stored here, in __init function 'install'
// STRICT-NEXT: note: 'i_ops' declared __initconst here
// STRICT-NEXT: note: 'resident' reads 'cur' here, in resident code
