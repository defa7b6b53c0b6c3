/*
 * Host side of the kernel harnesses: the console the kernel code prints
 * to (collected, printed by the drivers as "console=" lines) and panic().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	hk_done, hk_rw;
char	hk_console[4096];

int
hk_printf(const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(hk_console);
	int r;

	va_start(ap, fmt);
	r = vsnprintf(hk_console + n, sizeof(hk_console) - n, fmt, ap);
	va_end(ap);
	return (r);
}

void
hk_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stdout, "panic=");
	vfprintf(stdout, fmt, ap);
	fprintf(stdout, "\n");
	va_end(ap);
	exit(3);
}

/* Prints what the kernel printed since the last call, on one line. */
void
hk_flush_console(void)
{
	char *p;

	if (hk_console[0] == '\0')
		return;
	for (p = hk_console; *p; p++)
		if (*p == '\n')
			*p = '|';
	printf("console=%s\n", hk_console);
	hk_console[0] = '\0';
}
