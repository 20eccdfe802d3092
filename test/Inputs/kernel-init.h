/*
 * The Linux 6.12 annotation and initcall macros, reduced to what they
 * expand to (include/linux/init.h, module.h, export.h, compiler*.h), so the
 * tests see what the plugin sees in a real kernel build. Select the initcall
 * encoding with -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS (x86_64/arm64 asm) or
 * without it (a section variable, as on the other architectures), and a
 * modular build with -DMODULE.
 */
#ifndef TEST_KERNEL_INIT_H
#define TEST_KERNEL_INIT_H

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __section(s) __attribute__((__section__(s)))
#define __cold __attribute__((__cold__))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define notrace __attribute__((__no_instrument_function__))
#define noinline __attribute__((__noinline__))
#ifdef __cplusplus
#define __same_type(a, b) __is_same(typeof(a), typeof(b))
#else
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#endif

#define __init __section(".init.text") __cold
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
#define __exitdata __section(".exit.data")
#define __exit_call __used __section(".exitcall.exit")
#define __ref __section(".ref.text") noinline
#define __refdata __section(".ref.data")
#define __refconst __section(".ref.rodata")
#ifdef MODULE
#define __exitused
#define __exit_p(x) x
#else
#define __exitused __used
#define __exit_p(x) 0
#endif
#define __exit __section(".exit.text") __exitused __cold notrace
/* include/linux/module.h: init memory only in a kernel without modules,
 * where nothing can load code that would use it after boot. */
#ifdef CONFIG_MODULES
#define __init_or_module
#define __initdata_or_module
#define __initconst_or_module
#else
#define __init_or_module __init
#define __initdata_or_module __initdata
#define __initconst_or_module __initconst
#endif
#define __head __section(".head.text")
#define __ro_after_init __section(".data..ro_after_init")
#define __read_mostly __section(".data..read_mostly")

typedef unsigned long uintptr_t;
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define ___ADDRESSABLE(sym, __attrs)                                           \
  static void *__used __attrs __UNIQUE_ID(__PASTE(__addressable_, sym)) =      \
      (void *)(uintptr_t)&sym;
#define __ADDRESSABLE(sym) ___ADDRESSABLE(sym, __section(".discard.addressable"))

#ifndef __KBUILD_MODNAME
#define __KBUILD_MODNAME kmod_test
#endif
#define __initcall_id(fn)                                                      \
  __PASTE(__KBUILD_MODNAME,                                                    \
          __PASTE(__, __PASTE(__COUNTER__,                                     \
                              __PASTE(_, __PASTE(__LINE__, __PASTE(_, fn))))))
#define __initcall_section(__sec, __iid) #__sec ".init"
#define __initcall_name(prefix, __iid, id)                                     \
  __PASTE(__, __PASTE(prefix, __PASTE(__, __PASTE(__iid, id))))

#ifdef CONFIG_HAVE_ARCH_PREL32_RELOCATIONS
#define ____define_initcall(fn, __stub, __name, __sec)                         \
  __ADDRESSABLE(fn)                                                            \
  asm(".section	\"" __sec "\", \"a\"		\n" __stringify(__name) ":			\n"    \
      ".long	" __stringify(__stub) " - .	\n"                                \
      ".previous					\n");                                              \
  _Static_assert(__same_type(initcall_t, &fn), "initcall type");
#else
#define ____define_initcall(fn, __unused, __name, __sec)                       \
  static initcall_t __name __used __attribute__((__section__(__sec))) = fn;
#endif

#define __unique_initcall(fn, id, __sec, __iid)                                \
  ____define_initcall(fn, fn, __initcall_name(initcall, __iid, id),           \
                      __initcall_section(__sec, __iid))
#define ___define_initcall(fn, id, __sec)                                      \
  __unique_initcall(fn, id, __sec, __initcall_id(fn))
#define __define_initcall(fn, id) ___define_initcall(fn, id, .initcall##id)

#define early_initcall(fn) __define_initcall(fn, early)
#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define core_initcall_sync(fn) __define_initcall(fn, 1s)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define rootfs_initcall(fn) __define_initcall(fn, rootfs)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#define late_initcall_sync(fn) __define_initcall(fn, 7s)
#define __initcall(fn) device_initcall(fn)
#define console_initcall(fn) ___define_initcall(fn, con, .con_initcall)
#define __exitcall(fn) static exitcall_t __exitcall_##fn __exit_call = fn

struct obs_kernel_param {
  const char *str;
  int (*setup_func)(char *);
  int early;
};
#ifdef MODULE
#define __setup(str, fn)
#else
#define __setup_param(str, unique_id, fn, early)                               \
  static const char __setup_str_##unique_id[] __initconst                      \
      __attribute__((aligned(1))) = str;                                       \
  static struct obs_kernel_param __setup_##unique_id __used                    \
      __section(".init.setup") = {__setup_str_##unique_id, fn, early}
#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#endif

#ifndef MODULE
#define module_init(x) __initcall(x);
#define module_exit(x) __exitcall(x);
#else
#define __copy(symbol) /* clang has no copy attribute */
#define module_init(initfn)                                                    \
  static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
  int init_module(void) __copy(initfn) __attribute__((alias(#initfn)));        \
  ___ADDRESSABLE(init_module, __initdata);
#define module_exit(exitfn)                                                    \
  static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
  void cleanup_module(void) __copy(exitfn) __attribute__((alias(#exitfn)));    \
  ___ADDRESSABLE(cleanup_module, __exitdata);
#endif

/* include/linux/export.h (v6.5+): an .export_symbol record in asm. */
#define ___EXPORT_SYMBOL(sym, license, ns)                                     \
  .section ".export_symbol", "a"; __export_symbol_##sym : .asciz license;      \
  .ascii ns "\0"; .balign 8; .quad sym; .previous
#define __EXPORT_SYMBOL(sym, license, ns)                                      \
  extern typeof(sym) sym;                                                      \
  __ADDRESSABLE(sym)                                                           \
  asm(__stringify(___EXPORT_SYMBOL(sym, license, ns)))
#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, "", "")
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, "GPL", "")

#endif
