/* The same driver, written correctly: initcheck accepts it silently. */
#include "kernel-init.h"

struct platform_driver {
  int (*probe)(void);
  void (*remove)(void);
  const char *name;
};
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

static int widget_irq = 5;

static void widget_hw_off(void) {}

static int widget_probe(void) { return widget_irq; }

static int __init widget_setup(void) {
  if (widget_probe() < 0) {
    widget_hw_off();
    return -1;
  }
  return 0;
}

static struct platform_driver widget_driver = {
  .probe = widget_probe,
  .remove = widget_hw_off,
  .name = "widget",
};

static int __init widget_init(void) {
  widget_setup();
  return platform_driver_register(&widget_driver);
}

static void __exit widget_exit(void) {
  platform_driver_unregister(&widget_driver);
  widget_hw_off();
}

module_init(widget_init);
module_exit(widget_exit);
