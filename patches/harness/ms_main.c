/*
 * MODE SENSE harness driver: sends MODE SENSE(6) and (10) CDBs to the
 * patched sr_scsi_cmd() of a read-only and of a writable volume and prints
 * one line per command; then lets sd(4)'s own sd_get_parms() probe both.
 * The expectations (SPC, WP exactly on read-only volumes) are the JUnit
 * test's, not this program's.
 *
 * Line format (hex without separators):
 *   xfer ro=R cdb=HEX datalen=N error=E sent=N data=HEX valid=V sense=HEX
 * E is xs->error (0 XS_NOERROR, 1 XS_SENSE, 2 XS_DRIVER_STUFFUP); sent the
 * number of bytes the target wrote into the buffer (found by sending each
 * command twice, into buffers filled with 0xa5 and with 0x5a); valid the
 * scsi_base.c VALID_MODE_HDR or VALID_MODE_HDR_BIG test on a third answer
 * into a zeroed buffer, as scsi_mode_sense() and scsi_mode_sense_big()
 * prepare it.
 *   sd ro=R atapi=A readonly=V cdbs=HEX,HEX,...
 */
#include <stdio.h>
#include <string.h>

void	*hk_target(int);
int	 hk_xfer(void *, const unsigned char *, int, unsigned char *, int,
	    unsigned char *);
int	 hk_valid_hdr(const unsigned char *, int);
int	 hk_sense_size(void);
int	 hk_sd_readonly(void *, int);
void	 hk_flush_console(void);
extern unsigned char	hk_sent[64][16];
extern int		hk_nsent;

static void
hex(const unsigned char *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
}

static void
xfer(int ro, const unsigned char *cdb, int cdblen, int datalen)
{
	unsigned char a[65536 + 16], b[65536 + 16], z[65536 + 16];
	unsigned char sa[64], sb[64], sz[64];
	void *link = hk_target(ro);
	int ea, eb, sent = 0, i, big = cdb[0] == 0x5a;

	memset(a, 0xa5, sizeof(a));
	memset(b, 0x5a, sizeof(b));
	memset(sa, 0, sizeof(sa));
	memset(sb, 0, sizeof(sb));
	ea = hk_xfer(link, cdb, cdblen, a, datalen, sa);
	eb = hk_xfer(link, cdb, cdblen, b, datalen, sb);
	/* scsi_mode_sense() zeroes its buffer before it tests the header. */
	memset(z, 0, sizeof(z));
	hk_xfer(link, cdb, cdblen, z, datalen, sz);
	for (i = 0; i < (int)sizeof(a); i++)
		if (a[i] == b[i])
			sent = i + 1;
	printf("xfer ro=%d cdb=", ro);
	hex(cdb, cdblen);
	printf(" datalen=%d error=%d sent=%d data=", datalen, ea, sent);
	hex(a, sent);
	printf(" valid=%d sense=", hk_valid_hdr(z, big));
	if (ea == 1)
		hex(sa, hk_sense_size());
	printf("\n");
	if (ea != eb || memcmp(sa, sb, sizeof(sa)) != 0)
		printf("unstable ro=%d\n", ro);
	hk_flush_console();
}

static void
mode_sense(int ro, int big, int byte1, int byte2, int subpage, int alloc,
    int datalen)
{
	unsigned char cdb[10];

	memset(cdb, 0, sizeof(cdb));
	if (big) {
		cdb[0] = 0x5a;
		cdb[7] = alloc >> 8;
		cdb[8] = alloc;
	} else {
		cdb[0] = 0x1a;
		cdb[4] = alloc;
	}
	cdb[1] = byte1;
	cdb[2] = byte2;
	cdb[3] = subpage;
	xfer(ro, cdb, big ? 10 : 6, datalen);
}

int
main(void)
{
	static const int subpages[] = { 0x00, 0x01, 0xff };
	unsigned char bad[10] = { 0x1a, 0, 0, 0, 0xff, 0 };
	int ro, big, page, pc, sp, dbd, alloc, i, atapi;
	void *link;

	for (ro = 0; ro <= 1; ro++) {
		for (big = 0; big <= 1; big++) {
			/* Every page, page control, some subpages, DBD. */
			for (page = 0; page <= 0x3f; page++)
				for (pc = 0; pc <= 3; pc++)
					for (sp = 0; sp < 3; sp++)
						for (dbd = 0; dbd <= 1; dbd++)
							mode_sense(ro, big,
							    dbd ? 0x08 : 0,
							    pc << 6 | page,
							    subpages[sp], 255,
							    255);
			/* Every allocation length, buffer of that size. */
			for (alloc = 0; alloc <= 255; alloc++) {
				mode_sense(ro, big, 0, 0x00, 0, alloc, alloc);
				mode_sense(ro, big, 0, 0x3f, 0, alloc, alloc);
			}
			/* A larger buffer than asked for, and none at all. */
			for (alloc = 0; alloc <= 12; alloc++)
				mode_sense(ro, big, 0, 0x00, 0, alloc, 255);
			mode_sense(ro, big, 0, 0x00, 0, 4, 0);
			if (big) {
				mode_sense(ro, big, 0x10, 0x00, 0, 255, 255);
				mode_sense(ro, big, 0, 0x3f, 0xff, 65535,
				    65535);
				mode_sense(ro, big, 0, 0x00, 0, 256, 256);
			}
		}
		/* A MODE SENSE(6) opcode with a 10-byte CDB length. */
		xfer(ro, bad, 10, 255);
	}

	/* sd(4) probing the volume, as at attach. */
	for (ro = 0; ro <= 1; ro++) {
		for (atapi = 0; atapi <= 1; atapi++) {
			link = hk_target(ro);
			hk_nsent = 0;
			printf("sd ro=%d atapi=%d readonly=%d cdbs=", ro, atapi,
			    hk_sd_readonly(link, atapi));
			for (i = 0; i < hk_nsent; i++) {
				printf(i ? "," : "");
				hex(hk_sent[i], hk_sent[i][0] == 0x5a ? 10 : 6);
			}
			printf("\n");
			hk_flush_console();
		}
	}
	return (0);
}
