// __attribute__((cleanup(fn))) calls fn when the variable's scope ends:
// the kernel's DEFINE_FREE()/__free() (include/linux/cleanup.h) with an
// __init free function, or a cleanup that is __init itself. The calls are
// relocations of the resident function (or of the __free_ helper when it
// stays out of line) at -O0 and -O2.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %compare_fronts --temp=%t %s -- -I %inputs
// RUN: %compare_fronts --temp=%t %s -- -I %inputs -x c++
// RUN: %clang -c -I %inputs %s -o %t.o

#include "kernel-init.h"

// include/linux/cleanup.h (6.12), reduced.
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define DEFINE_FREE(_name, _type, _free)                                       \
  static inline void __free_##_name(void *p) {                                 \
    _type _T = *(_type *)p;                                                    \
    _free;                                                                     \
  }
#define __free(_name) __cleanup(__free_##_name)

void *memblock_alloc(unsigned long size);
void __init memblock_free(void *p); // #memblock_free
void __init put_boot_ref(int *ref); // #put_boot_ref

DEFINE_FREE(bootmem, void *, if (_T) memblock_free(_T)) // #free_helper expected-error {{function '__free_bootmem' references __init function 'memblock_free': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#memblock_free {{declared __init here}}

// Resident code whose scope end runs the helper, which calls __init code.
int probe_late(void) {
  void *buf __free(bootmem) = memblock_alloc(64); // strict-note {{'__free_bootmem' is called by function 'probe_late' here}}
  return buf != 0;
}

// A cleanup that is itself __init.
void resident_ref(void) {
  int ref __cleanup(put_boot_ref) = 0; // expected-error {{function 'resident_ref' references __init function 'put_boot_ref': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#put_boot_ref {{declared __init here}}
}

// Not mismatches: the same at init.
int __init probe_early(void) {
  void *buf __free(bootmem) = memblock_alloc(64);
  int ref __cleanup(put_boot_ref) = 0;
  return buf != 0;
}
