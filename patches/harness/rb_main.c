/* Resumed-rebuild harness driver: see rb_sr.c. */
#include <stdarg.h>
#include <stdio.h>

void	hk_run(void);

int
hk_report(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vprintf(fmt, ap);
	va_end(ap);
	return (r);
}

int
main(void)
{
	hk_run();
	return (0);
}
