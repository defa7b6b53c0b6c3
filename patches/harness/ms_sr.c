/*
 * MODE SENSE harness, target side: softraid's sr_scsi_cmd(),
 * sr_scsi_mode_sense() and sr_scsi_done(), cut by name out of the patched
 * sys/dev/softraid.c and compiled against that tree's headers.  Only the
 * functions they call that are not under test are shims here.
 */
#include "sr_inc.h"
#include "shim.h"

/* Shims: the work unit bookkeeping sr_scsi_cmd() does first. */
void	sr_wu_release_ccbs(struct sr_workunit *wu) { }
void	sr_wu_init(struct sr_discipline *sd, struct sr_workunit *wu) { }
void	scsi_done(struct scsi_xfer *xs) { hk_done++; }
void	wakeup(const volatile void *ident) { }

int	sr_scsi_mode_sense(struct sr_workunit *);
void	sr_scsi_done(struct sr_discipline *, struct scsi_xfer *);

#include "sr_ext.c"

static struct sr_softc		hk_sc;
static struct sr_discipline	hk_sd;
static struct sr_metadata	hk_meta;
static struct sr_workunit	hk_unit;
static struct scsibus_softc	hk_bus;
static struct scsi_link		hk_link;

static int
hk_rw_fails(struct sr_workunit *wu)
{
	hk_rw++;
	return (1);
}

/* A read-only or writable CRYPTO volume at target 1 of softraid0. */
void *
hk_target(int readonly)
{
	memset(&hk_sc, 0, sizeof(hk_sc));
	memset(&hk_sd, 0, sizeof(hk_sd));
	memset(&hk_meta, 0, sizeof(hk_meta));
	strncpy(hk_sc.sc_dev.dv_xname, "softraid0",
	    sizeof(hk_sc.sc_dev.dv_xname));
	strncpy(hk_meta.ssd_devname, "sd3", sizeof(hk_meta.ssd_devname));
	hk_sd.sd_sc = &hk_sc;
	hk_sd.sd_meta = &hk_meta;
	hk_sd.sd_capabilities = SR_CAP_SYSTEM_DISK | SR_CAP_AUTO_ASSEMBLE;
	if (readonly)
		hk_sd.sd_capabilities |= SR_CAP_READONLY;
	hk_sd.sd_scsi_rw = hk_rw_fails;
	hk_sc.sc_targets[1] = &hk_sd;
	hk_bus.sb_adapter_softc = &hk_sc;
	memset(&hk_link, 0, sizeof(hk_link));
	hk_link.bus = &hk_bus;
	hk_link.target = 1;
	hk_unit.swu_dis = &hk_sd;
	return (&hk_link);
}

void *
hk_wu(void)
{
	return (&hk_unit);
}
