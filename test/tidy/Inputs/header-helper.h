/* Findings located in a header (see test/tidy/header-filter.c). */
int __init header_init(void);
int (*header_hook)(void) = header_init;
static int __initdata header_state;
static inline int header_reader(void) { return header_state; }
