/*
 * scsi(8) mode display harness: mode_page_pars() and mode_edit(), cut by
 * name out of the patched sbin/scsi/scsi.c, fed a MODE SENSE(6) reply from
 * a file instead of a device.
 *
 * usage: scsi_mode FILE PAGE m|f|e
 *   m: "scsi -m PAGE" without a scsi_modes entry (hexadecimal dump);
 *   f: "scsi -m PAGE" with an entry (the decoder is told the length);
 *   e: "scsi -m PAGE -e" (the editor's decode and encode passes and the
 *      mode select are told their lengths; the editor itself is a shim).
 * FILE holds the reply as hexadecimal digits.  Besides what scsi.c prints,
 * shims print "decode len=N off=N", "encode len=N off=N" (off: from the
 * start of the reply) and "select len=N".
 */
#include <sys/types.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static u_char	hk_reply[255], *hk_data;
static size_t	hk_len;
static char	*hk_fmt;

/* scsi.c's globals and helpers that mode_edit() uses. */
static int	verbose, pagectl;
static char	*mode_db = "scsi_modes";
static FILE	*edit_file;
static char	edit_name[] = "/dev/null";

static char *
mode_lookup(int page)
{
	return (hk_fmt);
}

static void
mode_sense(int fd, u_char *data, int len, int pc, int page)
{
	memset(data, 0, len);
	memcpy(data, hk_reply, hk_len < (size_t)len ? hk_len : (size_t)len);
	hk_data = data;
}

static void
mode_select(int fd, u_char *data, int len, int perm)
{
	printf("select len=%d\n", len);
}

static int
scsireq_buff_decode_visit(u_char *buff, size_t len, char *fmt,
    void (*arg_put)(void *, int, void *, int, char *), void *puthook)
{
	printf("decode len=%zu off=%td\n", len, buff - hk_data);
	return (0);
}

static int
scsireq_buff_encode_visit(u_char *buff, size_t len, char *fmt,
    int (*arg_get)(void *, char *), void *gethook)
{
	printf("encode len=%zu off=%td\n", len, buff - hk_data);
	return (0);
}

static void arg_put(void *hook, int letter, void *arg, int count, char *name) { }
static void edit_rewind(void) { }
static void edit_done(void) { }
static void edit_init(void) { edit_file = fopen("/dev/null", "w"); }
static void edit_check(void *h, int l, void *a, int c, char *n) { }
static void edit_defaults(void *h, int l, void *a, int c, char *n) { }
static void edit_report(void *h, int l, void *a, int c, char *n) { }
static int edit_get(void *hook, char *name) { return (0); }
static int editit(const char *pathname) { return (0); }

#include "sm_ext.c"

int
main(int argc, char *argv[])
{
	FILE *f;
	unsigned int byte;
	int page;

	if (argc != 4 || (f = fopen(argv[1], "r")) == NULL)
		errx(2, "usage: scsi_mode FILE PAGE m|f|e");
	while (hk_len < sizeof(hk_reply) && fscanf(f, "%2x", &byte) == 1)
		hk_reply[hk_len++] = byte;
	fclose(f);
	page = strtol(argv[2], NULL, 0);
	hk_fmt = argv[3][0] == 'm' ? NULL : "{page parameters} *i1";
	mode_edit(3, page, argv[3][0] == 'e', 0, NULL);
	return (0);
}
