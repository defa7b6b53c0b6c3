/*
 * sr_meta_probe() harness driver.  For each script of VOP_OPEN() answers
 * (errno values: the read-write open first, then a read-only retry if the
 * code makes one) it probes the chunks and prints:
 *   probe chunks=N script=E,E,... assembled=A readonly=R rdonly=R,R,...
 *       opens=FLAGS:ERR,... closes=FLAGS,... vputs=N msgs=MSG|MSG
 * FLAGS are "r" (FREAD) or "rw" (FREAD|FWRITE).  The JUnit test judges.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	hk_probe_chunks(int, int *, int *);
int	hk_flag_read(void), hk_flag_write(void);
extern int	hk_answer[8], hk_nanswer, hk_opens, hk_vputs;
extern int	hk_open_flags[8], hk_open_error[8], hk_close_flags[8];
extern int	hk_nclose;
extern char	hk_msgs[2048];
void		hk_flush_console(void);

void *
hk_calloc(size_t n)
{
	return (calloc(1, n));
}

void
hk_release(void *p)
{
	free(p);
}

static const char *
flags(int f)
{
	if (f == (hk_flag_read() | hk_flag_write()))
		return ("rw");
	if (f == hk_flag_read())
		return ("r");
	return ("?");
}

static const char *
err(int e)
{
	switch (e) {
	case 0: return ("0");
	case EACCES: return ("EACCES");
	case EROFS: return ("EROFS");
	case EPERM: return ("EPERM");
	case EIO: return ("EIO");
	case ENXIO: return ("ENXIO");
	}
	return ("?");
}

/*
 * OpenBSD's errno values, which the kernel code returns: the host's may
 * differ (EACCES, EROFS, EPERM, EIO and ENXIO do not on Linux, but say so
 * rather than assume).
 */
static const int obsd[] = { 0, 13, 30, 1, 5, 6 };
static const int host[] = { 0, EACCES, EROFS, EPERM, EIO, ENXIO };

static int
to_obsd(int e)
{
	int i;

	for (i = 0; i < 6; i++)
		if (host[i] == e)
			return (obsd[i]);
	return (-1);
}

static int
from_obsd(int e)
{
	int i;

	for (i = 0; i < 6; i++)
		if (obsd[i] == e)
			return (host[i]);
	return (-1);
}

static void
probe(int n, const int *script, int len)
{
	int ro, rdonly[8], i, ok;

	hk_nanswer = len;
	for (i = 0; i < len; i++)
		hk_answer[i] = to_obsd(script[i]);
	hk_opens = hk_nclose = hk_vputs = 0;
	hk_msgs[0] = '\0';
	ok = hk_probe_chunks(n, &ro, rdonly);
	printf("probe chunks=%d script=", n);
	for (i = 0; i < len; i++)
		printf("%s%s", i ? "," : "", err(script[i]));
	printf(" assembled=%d readonly=%d rdonly=", ok, ro);
	for (i = 0; i < n; i++)
		printf("%s%d", i ? "," : "", rdonly[i]);
	printf(" opens=");
	for (i = 0; i < hk_opens && i < 8; i++)
		printf("%s%s:%s", i ? "," : "", flags(hk_open_flags[i]),
		    err(from_obsd(hk_open_error[i])));
	printf(" closes=");
	for (i = 0; i < hk_nclose && i < 8; i++)
		printf("%s%s", i ? "," : "", flags(hk_close_flags[i]));
	printf(" vputs=%d msgs=%s\n", hk_vputs, hk_msgs);
	hk_flush_console();
}

int
main(void)
{
	static const int answers[] = { 0, EACCES, EROFS, EPERM, EIO };
	int i, j, s[4];

	/* One chunk: every first answer, every retry answer. */
	for (i = 0; i < 5; i++) {
		for (j = 0; j < 3; j++) {
			s[0] = answers[i];
			s[1] = j == 0 ? 0 : j == 1 ? EIO : ENXIO;
			probe(1, s, 2);
		}
	}
	/* Two chunks: writable then read-only, and the other way round. */
	s[0] = 0; s[1] = EACCES; s[2] = 0;
	probe(2, s, 3);
	s[0] = EROFS; s[1] = 0; s[2] = 0;
	probe(2, s, 3);
	/* Two chunks, the second refused at securelevel 2. */
	s[0] = 0; s[1] = EPERM;
	probe(2, s, 2);
	return (0);
}
