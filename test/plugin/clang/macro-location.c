// A reference made inside a macro is reported at the expansion site, with
// clang's "expanded from macro" notes leading to the spelling.
//
// RUN: not %initcheck_cc1 -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace

#define __init __attribute__((section(".init.text")))
int __init setup_hw(void);
#define CALL_SETUP() setup_hw()
#define WRAP(x) (1 + (x))

int reprobe(void) {
  return WRAP(CALL_SETUP());
}
// CHECK: macro-location.c:[[@LINE-2]]:{{[0-9]+}}: error: function 'reprobe' references __init function 'setup_hw': .init.text is freed after boot [initcheck-section-mismatch]
// CHECK: note: expanded from macro 'CALL_SETUP'
// CHECK: macro-location.c:7:12: note: 'setup_hw' declared __init here
