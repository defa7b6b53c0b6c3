/*
 * MODE SENSE harness, initiator side: scsi_do_mode_sense() and what it
 * calls, scsi_copy_internal_data() and scsi_parse_blkdesc(), cut by name
 * out of the same tree's sys/scsi/scsi_base.c.  The transfer shims hand
 * the xfer straight to softraid's sr_scsi_cmd(), as the midlayer does.
 */
#include "base_inc.h"
#include "shim.h"

void	*hk_wu(void);
void	 sr_scsi_cmd(struct scsi_xfer *);

static struct scsi_xfer	hk_xs;
unsigned char		hk_sent[64][16];
int			hk_nsent;

struct scsi_xfer *
scsi_xs_get(struct scsi_link *link, int flags)
{
	memset(&hk_xs, 0, sizeof(hk_xs));
	hk_xs.sc_link = link;
	hk_xs.flags = flags;
	hk_xs.io = hk_wu();
	return (&hk_xs);
}

void
scsi_xs_put(struct scsi_xfer *xs)
{
}

/*
 * The midlayer's scsi_xs_sync() runs the command and turns xs->error into
 * an errno; any error is enough for scsi_do_mode_sense(), which only asks
 * whether there was one.
 */
int
scsi_xs_sync(struct scsi_xfer *xs)
{
	if (hk_nsent < 64)
		memcpy(hk_sent[hk_nsent++], &xs->cmd, 16);
	sr_scsi_cmd(xs);
	return (xs->error == XS_NOERROR ? 0 : EIO);
}

void
sc_print_addr(struct scsi_link *link)
{
	hk_printf("sd3: ");
}

#include "base_ext.c"

/* What sd_get_parms() and a SCIOCCOMMAND caller see of one xfer. */
int
hk_xfer(void *link, const unsigned char *cdb, int cdblen,
    unsigned char *data, int datalen, unsigned char *sense)
{
	struct scsi_xfer *xs;

	xs = scsi_xs_get(link, SCSI_DATA_IN);
	memcpy(&xs->cmd, cdb, cdblen);
	xs->cmdlen = cdblen;
	xs->data = data;
	xs->datalen = datalen;
	sr_scsi_cmd(xs);
	memcpy(sense, &xs->sense, sizeof(xs->sense));
	return (xs->error);
}

int
hk_valid_hdr(const unsigned char *data, int big)
{
	union scsi_mode_sense_buf *buf = (union scsi_mode_sense_buf *)data;

	return (big ? VALID_MODE_HDR_BIG(&buf->hdr_big) :
	    VALID_MODE_HDR(&buf->hdr));
}

int
hk_sense_size(void)
{
	return (sizeof(struct scsi_sense_data));
}
