/*
 * MODE SENSE harness, disk side: sd(4)'s sd_get_parms(), cut by name out of
 * the same tree's sys/scsi/sd.c, which sets SDEV_READONLY from the WP bit.
 */
#include "sd_inc.h"
#include "shim.h"

/* Shims: the capacity, as sd_read_cap() would have read it. */
int
sd_read_cap(struct sd_softc *sc, int flags)
{
	sc->params.disksize = 15645632;
	sc->params.secsize = 512;
	return (0);
}

int
sd_thin_params(struct sd_softc *sc, int flags)
{
	return (0);
}

void *
dma_alloc(size_t size, int flags)
{
	static union scsi_mode_sense_buf buf;

	memset(&buf, 0xa5, sizeof(buf));
	return (&buf);
}

void
dma_free(void *m, size_t size)
{
}

int	sd_get_parms(struct sd_softc *, int);

#include "sd_ext.c"

/*
 * Runs sd_get_parms() on the volume behind link, as an ATAPI device when
 * atapi is set (scsi_do_mode_sense() then skips MODE SENSE(6)); returns
 * whether sd(4) now calls the disk read-only, or -1 if it failed.
 */
int
hk_sd_readonly(void *link, int atapi)
{
	static struct sd_softc sc;
	struct scsi_link *l = link;

	memset(&sc, 0, sizeof(sc));
	l->inqdata.device = T_DIRECT;
	l->inqdata.version = SCSI_REV_2;	/* as sr_raid_inquiry() says */
	l->flags = atapi ? SDEV_ATAPI : 0;
	sc.sc_link = l;
	if (sd_get_parms(&sc, 0) != 0)
		return (-1);
	return (ISSET(l->flags, SDEV_READONLY) ? 1 : 0);
}
