/*===- initcheck/init.h - Kernel init/exit annotations for user space -----===*
 *
 * The Linux annotations and initcall macros (include/linux/init.h), for
 * ordinary programs linked with runtime/initcheck.ld and libinitcheck-rt.a,
 * and, with -DMODULE, for modules (include/linux/module.h's forms).
 * Every macro puts its symbol in the section the kernel uses, so the
 * initcheck plugin classifies user-space and kernel code alike, and the
 * runtime frees what the kernel frees.
 *
 * Initcall entries use the kernel's plain encoding (a pointer variable in
 * .initcall<level>.init), not the x86_64 PREL32 asm form: user-space programs
 * may be position-independent, and a pointer is what the runtime reads.
 *
 *===----------------------------------------------------------------------===*/
#ifndef INITCHECK_INIT_H
#define INITCHECK_INIT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#ifdef __cplusplus
}
#endif

#define __initcheck_section(s) __attribute__((__section__(s)))

/* Code and data used only while booting: freed (made inaccessible) after the
 * last initcall. __cold as in the kernel: init code runs once. */
#define __init __initcheck_section(".init.text") __attribute__((__cold__))
#define __initdata __initcheck_section(".init.data")
#define __initconst __initcheck_section(".init.rodata")

/* Code and data used only at exit. A built-in program (initcheck.ld) discards
 * them at link time; initcheck-keep-exit.ld keeps them and runs exit calls. */
#ifdef MODULE
#define __exitused
#define __exit_p(x) x
#else
#define __exitused __attribute__((__used__))
#define __exit_p(x) 0
#endif
#define __exit                                                                 \
  __initcheck_section(".exit.text") __exitused __attribute__((__cold__))      \
      __attribute__((__no_instrument_function__))
#define __exitdata __initcheck_section(".exit.data")
#define __exit_call                                                            \
  __attribute__((__used__)) __initcheck_table_entry                            \
      __initcheck_section(".exitcall.exit")

/* Resident code and data whose author vouches for its uses of init memory. */
#define __ref __initcheck_section(".ref.text") __attribute__((__noinline__))
#define __refdata __initcheck_section(".ref.data")
#define __refconst __initcheck_section(".ref.rodata")

#define __initcheck_paste2(a, b) a##b
#define __initcheck_paste(a, b) __initcheck_paste2(a, b)
#define __initcheck_str2(x) #x
#define __initcheck_str(x) __initcheck_str2(x)

/* Table entries are read as dense arrays of pointers: AddressSanitizer must
 * not pad them with redzones. */
#if defined(__clang__)
#define __initcheck_table_entry __attribute__((__no_sanitize__("address")))
#else
#define __initcheck_table_entry
#endif

/* static initcall_t __initcall_<fn><id> in .initcall<id>.init = fn; */
#define __define_initcall_sec(fn, id, sec)                                     \
  static initcall_t __initcheck_paste(__initcall_, __initcheck_paste(fn, id))  \
      __attribute__((__used__)) __initcheck_table_entry                        \
      __initcheck_section(sec) = fn;
#define __define_initcall(fn, id)                                              \
  __define_initcall_sec(fn, id, ".initcall" __initcheck_str(id) ".init")

#define early_initcall(fn) __define_initcall(fn, early)
#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define core_initcall_sync(fn) __define_initcall(fn, 1s)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define postcore_initcall_sync(fn) __define_initcall(fn, 2s)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define arch_initcall_sync(fn) __define_initcall(fn, 3s)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define subsys_initcall_sync(fn) __define_initcall(fn, 4s)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define fs_initcall_sync(fn) __define_initcall(fn, 5s)
#define rootfs_initcall(fn) __define_initcall(fn, rootfs)
#define device_initcall(fn) __define_initcall(fn, 6)
#define device_initcall_sync(fn) __define_initcall(fn, 6s)
#define late_initcall(fn) __define_initcall(fn, 7)
#define late_initcall_sync(fn) __define_initcall(fn, 7s)
#define __initcall(fn) device_initcall(fn)
#define console_initcall(fn) __define_initcall_sec(fn, con, ".con_initcall.init")

#define __exitcall(fn)                                                         \
  static exitcall_t __initcheck_paste(__exitcall_, fn) __exit_call = fn;

/* Built-in form: module_init is a device initcall, module_exit an exit call
 * (discarded by initcheck.ld, run at exit under initcheck-keep-exit.ld). */
#ifndef MODULE
#define module_init(x) __initcall(x)
#define module_exit(x) __exitcall(x)
#else
/* A loadable module (-DMODULE, a shared object linked with
 * initcheck-module.ld and loaded by initcheck_insmod(), <initcheck/module.h>).
 * As in include/linux/module.h: module_init() defines init_module and
 * module_exit() cleanup_module, the two symbols the loader looks up; every
 * initcall level is module_init (so, as in the kernel, one per module: a
 * second is a duplicate init_module); pure_initcall, arch_initcall_sync,
 * __initcall and __exitcall do not exist in a module. */
#undef early_initcall
#undef core_initcall
#undef core_initcall_sync
#undef postcore_initcall
#undef postcore_initcall_sync
#undef arch_initcall
#undef subsys_initcall
#undef subsys_initcall_sync
#undef fs_initcall
#undef fs_initcall_sync
#undef rootfs_initcall
#undef device_initcall
#undef device_initcall_sync
#undef late_initcall
#undef late_initcall_sync
#undef console_initcall
#undef pure_initcall
#undef arch_initcall_sync
#undef __initcall
#undef __exitcall
#define early_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define core_initcall_sync(fn) module_init(fn)
#define postcore_initcall(fn) module_init(fn)
#define postcore_initcall_sync(fn) module_init(fn)
#define arch_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define subsys_initcall_sync(fn) module_init(fn)
#define fs_initcall(fn) module_init(fn)
#define fs_initcall_sync(fn) module_init(fn)
#define rootfs_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define device_initcall_sync(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)
#define late_initcall_sync(fn) module_init(fn)
#define console_initcall(fn) module_init(fn)
/* The loader finds the entries by name: exported even under
 * -fvisibility=hidden, so a stripped module still has them. */
#define __initcheck_module_entry __attribute__((__visibility__("default")))
#ifndef __cplusplus
/* The kernel's form: init_module is an alias of the function, so it has its
 * section (.init.text) and address; __inittest checks the type, and the
 * __initdata (__exitdata) pointer is the kernel's ___ADDRESSABLE, which
 * keeps the alias and shows the plugin the module's entry. */
#define module_init(initfn)                                                    \
  static inline initcall_t __attribute__((__unused__)) __inittest(void) {      \
    return initfn;                                                             \
  }                                                                            \
  int init_module(void) __initcheck_module_entry                               \
      __attribute__((__alias__(#initfn)));                                     \
  static void *__initcheck_addressable_init_module                             \
      __attribute__((__used__)) __initdata = (void *)&init_module;
#define module_exit(exitfn)                                                    \
  static inline exitcall_t __attribute__((__unused__)) __exittest(void) {      \
    return exitfn;                                                             \
  }                                                                            \
  void cleanup_module(void) __initcheck_module_entry                           \
      __attribute__((__alias__(#exitfn)));                                     \
  static void *__initcheck_addressable_cleanup_module                          \
      __attribute__((__used__)) __exitdata = (void *)&cleanup_module;
#else
/* C++: an alias must spell its target's mangled name, which a macro cannot
 * (a static `f` is `_ZL1fv`). init_module is instead a C-linkage pointer to
 * the function, a module initcall entry (.initcallmodule.init, freed with
 * init data), and cleanup_module an exit call entry (.exitcall.exit,
 * resident in a module). The plugin reads both names as the module's
 * entries; the loader calls through the pointer when the symbol is an
 * object. */
#define module_init(initfn)                                                    \
  extern "C" {                                                                 \
  initcall_t init_module __initcheck_module_entry __attribute__((__used__))    \
      __initcheck_table_entry                                                  \
      __initcheck_section(".initcallmodule.init") = initfn;                    \
  }
#define module_exit(exitfn)                                                    \
  extern "C" {                                                                 \
  exitcall_t cleanup_module __initcheck_module_entry                           \
      __attribute__((__used__)) __initcheck_table_entry                        \
      __initcheck_section(".exitcall.exit") = exitfn;                          \
  }
#endif /* __cplusplus */
#endif /* MODULE */

#endif /* INITCHECK_INIT_H */
