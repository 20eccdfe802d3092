// An object whose address sits in an __initdata/__initconst table is not
// init-only: init code hands such tables to registration calls
// (platform_register_drivers(drivers, n), platform_add_devices(devs, n))
// and the driver core keeps the objects after the table is freed. Marking
// such an object __initdata (the advice this used to give) would free a
// registered driver. So the object is resident, and a reference from it to
// init memory is the error modpost reports too: strict mode is never
// weaker than modpost-compat. Only a function whose address init code
// keeps in an init table (and calls) stays init-only.
//
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,strict -x c++ %s
// RUN: %initcheck_cc1 -fsyntax-only -I %inputs -verify=expected,compat -plugin-arg-initcheck modpost-compat %s
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch,initcheck-init-only-helper %t -- -- -I %inputs
// RUN: %check_initcheck_tidy -check-suffixes=,STRICT %s initcheck-section-mismatch,initcheck-init-only-helper %t -- -- -I %inputs -x c++
// RUN: %check_initcheck_tidy -check-suffixes=,COMPAT %s initcheck-section-mismatch,initcheck-init-only-helper %t \
// RUN:   --config="{CheckOptions: {initcheck.ModpostCompat: true}}" -- -I %inputs
//
// --suggest proposes nothing here either (the hooks the objects hold are
// resident or already __init).
// RUN: %clang -fplugin=%initcheck_plugin -fplugin-arg-initcheck-warn-only -I %inputs -c %s -o %t.o 2>/dev/null
// RUN: %initcheck link --suggest %t.o | FileCheck %s --check-prefix=LINK --implicit-check-not=suggest
// LINK: board_init

#include "kernel-init.h"

struct device { void *platform_data; };
struct platform_device { const char *name; struct device dev; };
struct platform_driver { int (*bind)(struct platform_device *); void (*unbind)(void); };
int platform_register_drivers(struct platform_driver *const *drivers, unsigned n);
int platform_add_devices(struct platform_device **devs, int n);
void unbind_helper(void);

// A driver whose bind hook is __init, registered from an __initconst table.
static int __init widget_bind(struct platform_device *pdev) { return 0; } // #widget_bind
static struct platform_driver widget_driver = {
  .bind = widget_bind, // expected-error {{variable 'widget_driver' references __init function 'widget_bind': .init.text is freed after boot [initcheck-section-mismatch]}}
  // expected-note@#widget_bind {{'widget_bind' declared __init here}}
  // strict-note@#drivers {{the address of 'widget_driver' escapes here, in __initconst variable 'drivers', so it can be used after boot}}
  // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: variable 'widget_driver' references __init function 'widget_bind': .init.text is freed after boot [initcheck-section-mismatch]
  .unbind = unbind_helper,
};
static struct platform_driver *const drivers[] __initconst = {
  &widget_driver, // #drivers
};

// A device whose platform data is __initdata, added from an __initdata table.
static int board_pdata[4] __initdata = {1, 2, 3, 4}; // #board_pdata
static struct platform_device board_device = {
  .name = "board",
  .dev = { .platform_data = board_pdata }, // expected-error {{variable 'board_device' references __initdata variable 'board_pdata': .init.data is freed after boot [initcheck-section-mismatch]}}
  // expected-note@#board_pdata {{'board_pdata' declared __initdata here}}
  // strict-note@#devices {{the address of 'board_device' escapes here, in __initdata variable 'board_devices', so it can be used after boot}}
  // CHECK-MESSAGES: :[[@LINE-3]]:29: warning: variable 'board_device' references __initdata variable 'board_pdata': .init.data is freed after boot [initcheck-section-mismatch]
};
static struct platform_device *board_devices[] __initdata = {
  &board_device, // #devices
};

// An object in a table of structures, not of pointers, is kept just the same.
static int __init gadget_bind(struct platform_device *pdev) { return 0; } // #gadget_bind
static struct platform_driver gadget = {
  .bind = gadget_bind, // expected-error {{variable 'gadget' references __init function 'gadget_bind': .init.text is freed after boot [initcheck-section-mismatch]}}
  // expected-note@#gadget_bind {{'gadget_bind' declared __init here}}
  // strict-note@#entries {{the address of 'gadget' escapes here, in __initdata variable 'entries', so it can be used after boot}}
  // CHECK-MESSAGES: :[[@LINE-3]]:11: warning: variable 'gadget' references __init function 'gadget_bind': .init.text is freed after boot [initcheck-section-mismatch]
};
struct entry { int id; struct platform_driver *drv; };
static struct entry entries[] __initdata = {
  { 1, &gadget }, // #entries
};
int register_entry(struct entry *);

// Still advice: a function only init code calls, through an init table;
// and an object that init code only reads.
static int __init early_parse(void) { return 0; } // #early_parse
static int parse_step(void) {
  return early_parse(); // strict-warning {{function 'parse_step' references __init function 'early_parse' and is only used by init code: mark it __init [initcheck-init-only-helper]}}
  // strict-note@#steps {{'parse_step' is used by __initdata variable 'steps' here}}
  // strict-note@#early_parse {{'early_parse' declared __init here}}
  // compat-error@-3 {{function 'parse_step' references __init function 'early_parse': .init.text is freed after boot [initcheck-section-mismatch]}}
  // compat-note@#early_parse {{'early_parse' declared __init here}}
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:10: warning: function 'parse_step' references __init function 'early_parse' and is only used by init code: mark it __init [initcheck-init-only-helper]
  // CHECK-MESSAGES-COMPAT: :[[@LINE-6]]:10: warning: function 'parse_step' references __init function 'early_parse': .init.text is freed after boot [initcheck-section-mismatch]
}
static int (*steps[])(void) __initdata = { parse_step }; // #steps
static struct platform_driver read_only = { .bind = widget_bind }; // strict-warning {{variable 'read_only' references __init function 'widget_bind' and is only used by init code: mark it __initdata [initcheck-init-only-helper]}}
// strict-note@#read {{'read_only' is used by __init function 'board_init' here}}
// expected-note@#widget_bind {{'widget_bind' declared __init here}}
// compat-error@-3 {{variable 'read_only' references __init function 'widget_bind': .init.text is freed after boot [initcheck-section-mismatch]}}
// CHECK-MESSAGES-STRICT: :[[@LINE-4]]:53: warning: variable 'read_only' references __init function 'widget_bind' and is only used by init code: mark it __initdata [initcheck-init-only-helper]
// CHECK-MESSAGES-COMPAT: :[[@LINE-5]]:53: warning: variable 'read_only' references __init function 'widget_bind': .init.text is freed after boot [initcheck-section-mismatch]

static int __init board_init(void) {
  platform_register_drivers(drivers, 1);
  register_entry(entries);
  return platform_add_devices(board_devices, 1) + steps[0]() +
         read_only.bind(0); // #read
}
device_initcall(board_init);
