/*
 * The Linux 6.12 APIs that keep a pointer, or run what they are given,
 * reduced to their declarations and the macro shapes that matter to the
 * escape analysis (include/linux/workqueue.h, timer.h, kthread.h,
 * notifier.h, reboot.h, cpuhotplug.h, platform_device.h, async.h, smp.h,
 * stop_machine.h, device/bus.h): INIT_WORK() is a store into the work
 * item, timer_setup() a call of init_timer_key(), kthread_run() a
 * statement expression around kthread_create_on_node() and
 * wake_up_process(), cpuhp_setup_state() an inline call of
 * __cpuhp_setup_state().
 */
#ifndef TEST_KERNEL_APIS_H
#define TEST_KERNEL_APIS_H

/* A Linux build: the escape analysis models these APIs only there. */
#ifndef __KERNEL__
#define __KERNEL__ 1
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif
typedef unsigned long size_t;
#ifndef __cplusplus
typedef _Bool bool;
#endif
void *memcpy(void *, const void *, size_t);

/* workqueue.h */
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct { long data; work_func_t func; };
struct workqueue_struct;
extern struct workqueue_struct *system_percpu_wq;
void __init_work(struct work_struct *work, int onstack);
bool queue_work_on(int cpu, struct workqueue_struct *wq,
                   struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
#define __INIT_WORK(_work, _func, _onstack)                                    \
  do {                                                                         \
    __init_work((_work), _onstack);                                            \
    (_work)->data = 0;                                                         \
    (_work)->func = (_func);                                                   \
  } while (0)
#define INIT_WORK(_work, _func) __INIT_WORK((_work), (_func), 0)
static inline bool queue_work(struct workqueue_struct *wq,
                              struct work_struct *work) {
  return queue_work_on(-1, wq, work);
}
static inline bool schedule_work(struct work_struct *work) {
  return queue_work(system_percpu_wq, work);
}

/* timer.h */
struct timer_list {
  unsigned long expires;
  void (*function)(struct timer_list *);
  unsigned int flags;
};
void init_timer_key(struct timer_list *timer,
                    void (*func)(struct timer_list *), unsigned int flags,
                    const char *name, void *key);
#define __init_timer(_timer, _fn, _flags)                                      \
  init_timer_key((_timer), (_fn), (_flags), NULL, NULL)
#define timer_setup(timer, callback, flags)                                    \
  __init_timer((timer), (callback), (flags))
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
static inline int del_timer_sync(struct timer_list *timer) {
  return timer_delete_sync(timer);
}

/* kthread.h, sched.h */
struct task_struct;
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
                                           void *data, int node,
                                           const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, arg...)                        \
  kthread_create_on_node(threadfn, data, -1, namefmt, ##arg)
int wake_up_process(struct task_struct *p);
#define kthread_run(threadfn, data, namefmt, ...)                              \
  ({                                                                           \
    struct task_struct *__k =                                                  \
        kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);                \
    if (__k)                                                                   \
      wake_up_process(__k);                                                    \
    __k;                                                                       \
  })

/* notifier.h, reboot.h */
struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action,
                             void *data);
struct notifier_block {
  notifier_fn_t notifier_call;
  struct notifier_block *next;
  int priority;
};
struct atomic_notifier_head { struct notifier_block *head; };
int atomic_notifier_chain_register(struct atomic_notifier_head *nh,
                                   struct notifier_block *nb);
int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);

/* cpuhotplug.h */
int __cpuhp_setup_state(int state, const char *name, bool invoke,
                        int (*startup)(unsigned int cpu),
                        int (*teardown)(unsigned int cpu), bool multi_instance);
static inline int cpuhp_setup_state(int state, const char *name,
                                    int (*startup)(unsigned int cpu),
                                    int (*teardown)(unsigned int cpu)) {
  return __cpuhp_setup_state(state, name, 1, startup, teardown, 0);
}

/* platform_device.h */
struct platform_device;
struct platform_driver {
  int (*probe)(struct platform_device *);
  void (*remove)(struct platform_device *);
};
int __platform_driver_register(struct platform_driver *drv, void *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, NULL)

/* async.h, smp.h, stop_machine.h, device/bus.h: they run what they are
 * given before init memory is freed, or before they return. */
typedef void (*async_func_t)(void *data, unsigned long long cookie);
unsigned long long async_schedule_node(async_func_t func, void *data, int node);
#define async_schedule(func, data) async_schedule_node(func, data, -1)
typedef void (*smp_call_func_t)(void *info);
void on_each_cpu_cond_mask(void *cond, smp_call_func_t func, void *info,
                           bool wait, const void *mask);
#define on_each_cpu(func, info, wait)                                          \
  on_each_cpu_cond_mask(NULL, func, info, wait, NULL)
int smp_call_function_single(int cpuid, smp_call_func_t func, void *info,
                             int wait);
int stop_machine(int (*fn)(void *), void *data, const void *cpus);
struct bus_type;
struct device;
int bus_for_each_dev(const struct bus_type *bus, struct device *start,
                     void *data, int (*fn)(struct device *dev, void *data));

#ifdef __cplusplus
}
#endif

#endif
