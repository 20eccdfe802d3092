// Operands that are never evaluated leave no relocation, like sizeof's:
// __builtin_constant_p, __builtin_object_size, __builtin_dynamic_object_size
// and __builtin_classify_type; a name that is not odr-used (a constexpr or
// const object read as a constant, C++); a discarded address constant
// without side effects (`(void)fn;`, `(void)&fn;`, `(void)*p;`: at most a
// dead load, dropped at every -O); a file-scope asm operand whose symbols
// cancel (`.quad sym - sym`) or are only subtracted. A discarded call,
// assignment or volatile read, an odr-use and `sym - .` are references.
// The objects agree at -O0 and -O2, in C and C++.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,c %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,cxx -x c++ -std=c++17 %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,c -plugin-arg-initcheck modpost-compat %s
// RUN: %check_initcheck_tidy -check-suffixes=,C %s initcheck-section-mismatch %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,CXX %s initcheck-section-mismatch %t -- -- -I %inputs -x c++ -std=c++17
//
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O0 -c %s -o %t-0.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t-0.o | FileCheck %s --check-prefixes=RELOC,RELOC-C
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O2 -c %s -o %t-2.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t-2.o | FileCheck %s --check-prefix=NONE
// RUN: %clangxx -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O0 -x c++ -std=c++17 -c %s -o %t-x0.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t-x0.o | FileCheck %s --check-prefix=RELOC
// RUN: %clangxx -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -O2 -x c++ -std=c++17 -c %s -o %t-x2.o 2>/dev/null
// RUN: llvm-readelf-19 -r %t-x2.o | FileCheck %s --check-prefix=NONE
// RELOC-NOT: dropped_
// RELOC-DAG: {{ (_Z[0-9]+)?}}kept_call{{v?}} - 4
// RELOC-DAG: {{ (_Z[0-9]+)?}}kept_ptr{{ }}
// RELOC-DAG: {{ }}kept_vol{{ }}
// RELOC-C-DAG: {{ }}kept_choose - 4
// RELOC-DAG: {{ }}{{(_Z[0-9]+)?}}kept_pcrel{{v?}}
// RELOC-NOT: dropped_
// NONE-NOT: dropped_
// In C++ the constexpr objects have internal linkage: relocations name the
// section, two of them (kept_limits[1] and the copy of kept_copy).
// RUN: llvm-readelf-19 -r %t-x0.o | grep -c ' \.init\.rodata + ' | FileCheck %s --check-prefix=RODATA
// RODATA: 2

#include "kernel-init.h"

#ifdef __cplusplus
extern "C" {
#endif
int __init dropped_fn(void);
int __init dropped_bcp_call(void);
int __initdata dropped_bcp_var;
char dropped_arr[16] __initdata;
char *dropped_ptr __initdata;
int __initdata dropped_class;
struct cfg { int a; int b[4]; };
struct cfg dropped_cfg __initdata;
int __init dropped_asm(void) { return 0; }
int __initdata dropped_asm_data[4];
int __initdata dropped_cxx_read;
int __init kept_call(void);    // expected-note {{declared __init here}}
int __init dropped_choose(void);
int __init kept_choose(void);  // c-note {{declared __init here}}
int *kept_ptr __initdata;      // expected-note {{declared __initdata here}}
volatile int __initdata kept_vol; // expected-note {{declared __initdata here}}
int __init kept_pcrel(void);   // expected-note {{declared __init here}}
#ifdef __cplusplus
}
#endif

int builtins(int *p) {
  return __builtin_constant_p(dropped_bcp_var) +
         __builtin_constant_p(dropped_bcp_call()) +
         (int)__builtin_object_size(dropped_arr, 0) +
         (int)__builtin_dynamic_object_size(dropped_ptr, 1) +
         __builtin_classify_type(dropped_class);
}

#ifndef __cplusplus
// The neighbours: the branch __builtin_choose_expr does not select.
int chooser(void) {
  return __builtin_choose_expr(1, 0, dropped_choose()) +
         __builtin_choose_expr(0, dropped_choose(), kept_choose()); // c-error {{function 'chooser' references __init function 'kept_choose'}}
  // CHECK-MESSAGES-C: :[[@LINE-1]]:53: warning: function 'chooser' references __init function 'kept_choose'
}
#endif

int state;
void discarded(void) {
  (void)dropped_fn;
  (void)&dropped_fn;
  (void)dropped_arr;
  (void)&dropped_cfg.b[2];
  (void)*dropped_ptr;
  (void)(dropped_cfg.a + 1);
  (void)kept_call(); // expected-error {{function 'discarded' references __init function 'kept_call'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: function 'discarded' references __init function 'kept_call'
  (void)(state = *kept_ptr); // expected-error {{function 'discarded' references __initdata variable 'kept_ptr'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: function 'discarded' references __initdata variable 'kept_ptr'
  (void)kept_vol; // expected-error {{function 'discarded' references __initdata variable 'kept_vol'}}
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: function 'discarded' references __initdata variable 'kept_vol'
}

#ifdef __cplusplus
// Read as a constant, a constexpr or const scalar, or a scalar member of a
// constexpr object, is folded. An array element is read from the object
// at -O0 (`limits[1]` too), and a copy of the whole object is a use.
struct limits { int lo, hi; };
constexpr int dropped_cxx_k __initconst = 4;
const int dropped_cxx_const __initconst = 5;
constexpr limits dropped_cxx_struct __initconst = {1, 2};
struct holder { static constexpr int dropped_cxx_member __initconst = 7; };
static constexpr int kept_limits[] __initconst = {4, 5, 6}; // cxx-note {{declared __initconst here}}
constexpr limits kept_copy __initconst = {3, 4};             // cxx-note {{declared __initconst here}}
int constant_reads(int i) {
  return dropped_cxx_k + dropped_cxx_const + dropped_cxx_struct.hi +
         holder::dropped_cxx_member + sizeof(kept_limits) +
         kept_limits[1]; // cxx-error {{function 'constant_reads' references __initconst variable 'kept_limits'}}
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:10: warning: function 'constant_reads' references __initconst variable 'kept_limits'
}
limits copy_limits(void) {
  return kept_copy; // cxx-error {{function 'copy_limits' references __initconst variable 'kept_copy'}}
  // CHECK-MESSAGES-CXX: :[[@LINE-1]]:10: warning: function 'copy_limits' references __initconst variable 'kept_copy'
}
void cxx_discarded(void) {
  (void)dropped_cxx_read;
  static_cast<void>(dropped_fn);
  return void(&dropped_fn);
}
#endif

// A difference the assembler resolves is a constant; `sym - .` is a
// PC-relative relocation against sym.
asm(".pushsection .data\n" // expected-error {{asm data in section '.data' references __init function 'kept_pcrel'}}
    ".quad dropped_asm - dropped_asm\n"
    ".quad dropped_asm_data - dropped_asm_data + 8, 0\n"
    ".long kept_pcrel - .\n"
    ".popsection");
// CHECK-MESSAGES: :[[@LINE-5]]:1: warning: asm data in section '.data' references __init function 'kept_pcrel'
