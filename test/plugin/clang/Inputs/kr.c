/* K&R definitions, old-style parameter lists, implicit int. */
#define __init __attribute__((section(".init.text")))
int __init old_setup(a, b) int a; char *b; { return a + *b; }
old_user(x) int x; { return old_setup(x, "s"); } /* kr-error {{function 'old_user' references __init function 'old_setup'}} kr-note@-1 {{'old_setup' declared __init here}} */
static int __init kr_init() { return old_user(1); }
