/*===- initcheck/module.h - Load and unload modules -----------------------===*
 *
 * A module is a shared object built with -DMODULE (so <initcheck/init.h>'s
 * module_init/module_exit define init_module/cleanup_module) and linked with
 * -shared -Wl,-T,runtime/initcheck-module.ld. A program linked with the
 * runtime loads one as Linux loads a .ko: its constructors, then its init,
 * then its __init code and data are freed, and a later touch of them is
 * reported naming the symbol. Unloading runs its exit and unmaps it.
 *
 * Both return 0, or a negative errno value (also left in errno):
 *
 *   initcheck_insmod(path)
 *     -ENOENT, -EACCES, ...  the file cannot be opened
 *     -ENOEXEC    not a module: not an x86_64 ELF shared object (or a
 *                 damaged one), neither init_module nor cleanup_module
 *                 exported, init sections sharing a
 *                 page with resident ones (not linked with the module
 *                 script), or the dynamic loader refused it (an unknown
 *                 symbol, say); a line on the runtime's log says why
 *     -EEXIST     a module of that name is loaded (or the file is already
 *                 mapped into the process)
 *     -ENAMETOOLONG, -EINVAL   the name made from the path is too long or
 *                 empty
 *     other < 0   the module's init failed and returned it: the module has
 *                 been unloaded again, without running its exit
 *
 *   initcheck_rmmod(name)
 *     -ENOENT     no module of that name is loaded
 *     -EBUSY      the module has an init but no exit, so it cannot be
 *                 unloaded (delete_module() without O_TRUNC), or its init
 *                 has not returned yet
 *
 * A module's name is its file name up to the first '.', with '-' read as
 * '_' (as the kernel names "snd-hda.ko" snd_hda); rmmod accepts either
 * spelling. Modules still loaded when the program exits are removed, last
 * loaded first, before the program's own exit calls run. The environment
 * variable INITCHECK_MODULES (paths separated by ':') makes the runtime load
 * modules right after the program's boot, before main: what
 * `initcheck run --module` uses.
 *
 * Loading and unloading take a lock; do not unload a module whose code
 * another thread may be running.
 *
 *===----------------------------------------------------------------------===*/
#ifndef INITCHECK_MODULE_H
#define INITCHECK_MODULE_H

#include <initcheck/init.h>

#ifdef __cplusplus
extern "C" {
#endif

int initcheck_insmod(const char *path);
int initcheck_rmmod(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* INITCHECK_MODULE_H */
