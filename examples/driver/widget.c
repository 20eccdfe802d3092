/*
 * A small platform driver with the section mismatches kernel developers
 * actually hit. Built by scripts/demo; every finding is on purpose.
 */
#include "kernel-init.h"

struct platform_driver {
  int (*probe)(void);
  void (*remove)(void);
  const char *name;
};
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

static int __initdata widget_irq = 5;
static const char widget_banner[] __initconst = "widget: ready\n";

static void __exit widget_hw_off(void) {}

/* Wrongly __init: the driver core calls probe again on every rebind, long
 * after init memory is gone (the bug modpost hides when the struct happens
 * to be named *_probe). */
static int __init widget_probe(void) { return widget_irq; }

/* The init path cleans up through the __exit function, which a built-in
 * kernel discards. Clang inlines it, so modpost stays silent. */
static int __init widget_setup(void) {
  if (widget_probe() < 0) {
    widget_hw_off();
    return -1;
  }
  return 0;
}

/* Only used by init code: advice to mark it __init. */
static int widget_parse(void) { return widget_banner[0]; }

static struct platform_driver widget_driver = {
  .probe = widget_probe,
  .remove = __exit_p(widget_hw_off),
  .name = "widget",
};

static int __init widget_init(void) {
  widget_parse();
  widget_setup();
  return platform_driver_register(&widget_driver);
}

static void __exit widget_exit(void) {
  platform_driver_unregister(&widget_driver);
  widget_hw_off();
}

module_init(widget_init);
module_exit(widget_exit);
EXPORT_SYMBOL_GPL(widget_setup);
