/*
 * Shared by the kernel-side harness files: what a shim records, and the
 * kernel's console, which the harness collects instead of printing.
 */
#undef curproc
#define curproc ((struct proc *)0)
#ifndef SC_DEBUG
#define SC_DEBUG(link, level, args)	do { } while (0)
#endif

extern int	hk_done, hk_rw;
extern char	hk_console[4096];

