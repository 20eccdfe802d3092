// A function whose address is in an __initdata/__initconst table that other
// files can read is not init-only: one of them may copy the table's
// pointers into resident storage and call them after boot. Xen copies its
// __initconst vendor table (`actual_cpu = amd_cpu_dev;`, arch/x86/cpu/
// common.c) and calls `actual_cpu.c_init` whenever a CPU comes online, so
// the advice to mark init_amd() __init, which this used to give, would run
// freed code at CPU hotplug. The table's file cannot see the copy, so an
// external table is an escape; a static one, which only its file reads,
// stays a use in its phase (init-table-objects.c). (The shapes of copies the
// escape analysis follows in one file are in init-table-copies.c.)
//
// RUN: %initcheck_cc1 -fsyntax-only -verify %s
// RUN: %initcheck_cc1 -fsyntax-only -verify -x c++ %s
// RUN: %check_initcheck_tidy %s initcheck-section-mismatch,initcheck-init-only-helper %t


#define __init __attribute__((section(".init.text")))
#define __initconst __attribute__((section(".init.rodata")))
#ifdef __cplusplus
extern "C" {
#endif
struct cpuinfo { int family; };
struct cpu_dev { void (*c_init)(struct cpuinfo *); };
extern struct cpuinfo boot_cpu_data;
extern const struct cpu_dev amd_cpu_dev;
#ifdef __cplusplus
}
#endif

static void __init lfence_init(void) {} // #lfence_init
// Resident: another file may copy amd_cpu_dev and call this after boot.
static void init_amd(struct cpuinfo *c) {
  if (c == &boot_cpu_data)
    lfence_init(); // expected-error {{function 'init_amd' references __init function 'lfence_init': .init.text is freed after boot [initcheck-section-mismatch]}} expected-note@#amd_dev {{the address of 'init_amd' escapes here, in __initconst variable 'amd_cpu_dev', so it can be used after boot}} expected-note@#lfence_init {{'lfence_init' declared __init here}} expected-note@#amd_dev {{'amd_cpu_dev' is external: another file may copy it}}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'init_amd' references __init function 'lfence_init': .init.text is freed after boot [initcheck-section-mismatch]
}
const struct cpu_dev __initconst amd_cpu_dev = {init_amd}; // #amd_dev

// Still advice: a static table only this file's init code reads.
static void init_hygon(struct cpuinfo *c) {
  if (c == &boot_cpu_data)
    lfence_init(); // expected-warning {{function 'init_hygon' references __init function 'lfence_init' and is only used by init code: mark it __init [initcheck-init-only-helper]}} expected-note@#hygon_dev {{'init_hygon' is used by __initconst variable 'hygon_cpu_dev' here}} expected-note@#lfence_init {{'lfence_init' declared __init here}}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: function 'init_hygon' references __init function 'lfence_init' and is only used by init code: mark it __init [initcheck-init-only-helper]
}
static const struct cpu_dev __initconst hygon_cpu_dev = {init_hygon}; // #hygon_dev
void __init early_cpu_init(struct cpuinfo *c) { hygon_cpu_dev.c_init(c); }
