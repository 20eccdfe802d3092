// A project's own conventions: more whitelisted data names, and sections of
// its own that are freed like .init.* or discarded like .exit.*.
//
// RUN: %initcheck_cc1 -fsyntax-only -verify=expected,default %s
// RUN: %initcheck_cc1 -fsyntax-only -verify=expected,project %s \
// RUN:   -plugin-arg-initcheck whitelist=*_boot_table,early_* \
// RUN:   -plugin-arg-initcheck init-section=.fw.init.text,.fw.init.data* \
// RUN:   -plugin-arg-initcheck exit-section=.fw.exit

#define __init __attribute__((section(".init.text")))
#define __fw_init __attribute__((section(".fw.init.text")))
#define __fw_initdata __attribute__((section(".fw.init.data.calib")))
#define __fw_exit __attribute__((section(".fw.exit")))

int __init setup(void); // #setup
int __fw_init fw_setup(void); // #fw_setup
int calibration[4] __fw_initdata; // #calibration
void __fw_exit fw_teardown(void); // #fw_teardown

struct entry { int (*fn)(void); };
struct entry main_boot_table[] = { {setup} }; // default-error {{variable 'main_boot_table' references __init function 'setup'}} default-note@#setup {{declared __init here}}
struct entry early_hooks[] = { {setup} }; // default-error {{variable 'early_hooks' references __init function 'setup'}} default-note@#setup {{declared __init here}}
struct entry other_table[] = { {setup} }; // expected-error {{variable 'other_table' references __init function 'setup'}} expected-note@#setup {{declared __init here}}

int resident(void) {
  fw_teardown(); // project-error {{function 'resident' references function 'fw_teardown' in section '.fw.exit': .fw.exit is discarded when built in}} project-note@#fw_teardown {{'fw_teardown' placed in section '.fw.exit' here}}
  return fw_setup() + // project-error {{function 'resident' references function 'fw_setup' in section '.fw.init.text': .fw.init.text is freed after boot}} project-note@#fw_setup {{placed in section '.fw.init.text' here}}
         calibration[0]; // project-error {{function 'resident' references variable 'calibration' in section '.fw.init.data.calib'}} project-note@#calibration {{placed in section '.fw.init.data.calib' here}}
}
