/*
 * Refusal harness, softraid side: sr_bio_handler(), sr_ioctl_setstate(),
 * sr_ioctl_discipline(), sr_rebuild_init() and softraid's sr_info(),
 * sr_warn(), sr_error(), cut by name out of the patched sys/dev/softraid.c:
 * what bioctl -P, -O and -R get from a read-only volume, and that nothing
 * is saved.  bio(4)'s bio_status() and bio_status_init() are shims doing
 * what dev/bio.c does (it is not in the reference trees).  Functions the
 * refusal paths never reach are left unresolved at link time; reaching one
 * crashes the harness, which fails the test.
 */
#include "sr_inc.h"
#include "shim.h"

int	hk_saves, hk_chunkstate, hk_opens;

void	rw_enter_write(struct rwlock *rwl) { }
void	rw_exit_write(struct rwlock *rwl) { }

void
bio_status_init(struct bio_status *bs, struct device *dv)
{
	bzero(bs, sizeof(struct bio_status));
	bs->bs_status = BIO_STATUS_UNKNOWN;
	strncpy(bs->bs_controller, dv->dv_xname, sizeof(bs->bs_controller));
}

void
bio_status(struct bio_status *bs, int print, int msg_type, const char *fmt,
    va_list *ap)
{
	int idx;

	if (bs->bs_msg_count >= BIO_MSG_COUNT)
		return;
	idx = bs->bs_msg_count++;
	bs->bs_msgs[idx].bm_type = msg_type;
	vsnprintf(bs->bs_msgs[idx].bm_msg, BIO_MSG_LEN, fmt, *ap);
	if (print)
		printf("%s: %s\n", bs->bs_controller, bs->bs_msgs[idx].bm_msg);
}

int
sr_meta_save(struct sr_discipline *sd, u_int32_t flags)
{
	hk_saves++;
	return (0);
}

int
VOP_OPEN(struct vnode *vp, int mode, struct ucred *cred, struct proc *p)
{
	hk_opens++;
	return (ENXIO);
}

int
bdevvp(dev_t dev, struct vnode **vpp)
{
	static struct vnode vn;

	*vpp = &vn;
	return (0);
}

static void
hk_set_chunk_state(struct sr_discipline *sd, int c, int new_state)
{
	hk_chunkstate++;
}

void	sr_rebuild_start(void *);
int	sr_ioctl_setstate(struct sr_softc *, struct bioc_setstate *);
int	sr_ioctl_discipline(struct sr_softc *, struct sr_discipline *,
	    struct bioc_discipline *);
int	sr_rebuild_init(struct sr_discipline *, dev_t, int);
int	sr_crypto_ioctl(struct sr_discipline *, struct bioc_discipline *);

#include "sr_ext.c"

static struct sr_softc		hk_sc;
static struct sr_discipline	hk_sd;
static struct sr_metadata	hk_meta;
static struct sr_meta_crypto	hk_crypto_meta;
static struct sr_chunk		hk_chunk;
static struct sr_chunk		*hk_chunks[1] = { &hk_chunk };

/* A CRYPTO or RAID1 volume sd3 of softraid0, read-only or not, chunk sd2a. */
static void
hk_volume(int raid1, int readonly)
{
	memset(&hk_sc, 0, sizeof(hk_sc));
	memset(&hk_sd, 0, sizeof(hk_sd));
	memset(&hk_meta, 0, sizeof(hk_meta));
	memset(&hk_chunk, 0, sizeof(hk_chunk));
	strncpy(hk_sc.sc_dev.dv_xname, "softraid0",
	    sizeof(hk_sc.sc_dev.dv_xname));
	TAILQ_INIT(&hk_sc.sc_dis_list);
	TAILQ_INSERT_TAIL(&hk_sc.sc_dis_list, &hk_sd, sd_link);
	strncpy(hk_meta.ssd_devname, "sd3", sizeof(hk_meta.ssd_devname));
	hk_meta.ssdi.ssd_chunk_no = 1;
	hk_sd.sd_sc = &hk_sc;
	hk_sd.sd_meta = &hk_meta;
	hk_sd.sd_capabilities = SR_CAP_SYSTEM_DISK | SR_CAP_AUTO_ASSEMBLE;
	if (raid1) {
		hk_sd.sd_capabilities |= SR_CAP_REBUILD | SR_CAP_REDUNDANT;
		hk_sd.sd_vol_status = BIOC_SVDEGRADED;
	} else {
		hk_sd.sd_ioctl_handler = sr_crypto_ioctl;
		hk_sd.mds.mdd_crypto.scr_meta = &hk_crypto_meta;
	}
	if (readonly)
		hk_sd.sd_capabilities |= SR_CAP_READONLY;
	hk_sd.sd_set_chunk_state = hk_set_chunk_state;
	hk_chunk.src_dev_mm = MAKEDISKDEV(4, 2, 0);
	hk_chunk.src_meta.scm_status = BIOC_SDOFFLINE;
	hk_sd.sd_vol.sv_chunks = hk_chunks;
	SLIST_INIT(&hk_sd.sd_vol.sv_chunk_list);
	SLIST_INSERT_HEAD(&hk_sd.sd_vol.sv_chunk_list, &hk_chunk, src_link);
}

void	hk_flush_console(void);
int	hk_report(const char *, ...);

static void
hk_print(const char *vol, const char *what, int rv, struct bio_status *bs)
{
	int i;

	hk_report("ioctl vol=%s cmd=%s rv=%d status=%s msgs=", vol, what, rv,
	    bs->bs_status == BIO_STATUS_ERROR ? "error" :
	    bs->bs_status == BIO_STATUS_SUCCESS ? "success" : "unknown");
	for (i = 0; i < bs->bs_msg_count; i++)
		hk_report("%s%s:%s", i ? "|" : "", bs->bs_controller,
		    bs->bs_msgs[i].bm_msg);
	hk_report(" saves=%d chunkstate=%d opens=%d\n", hk_saves,
	    hk_chunkstate, hk_opens);
	hk_flush_console();
}

static void
hk_setstate(const char *vol, int raid1, int readonly, int status)
{
	struct bioc_setstate bs;
	int rv;

	hk_volume(raid1, readonly);
	hk_saves = hk_chunkstate = hk_opens = 0;
	memset(&bs, 0, sizeof(bs));
	bs.bs_other_id_type = BIOC_SSOTHER_DEVT;
	bs.bs_other_id = MAKEDISKDEV(4, status == BIOC_SSOFFLINE ? 2 : 4, 0);
	bs.bs_status = status;
	bs.bs_volid = 0;
	rv = sr_bio_handler(&hk_sc, &hk_sd, BIOCSETSTATE, &bs.bs_bio);
	hk_print(vol, status == BIOC_SSOFFLINE ? "offline" : "rebuild", rv,
	    &bs.bs_bio.bio_status);
}

static void
hk_discipline(const char *vol, int readonly, u_int32_t cmd, void *data,
    u_int32_t size)
{
	struct bioc_discipline bd;
	int rv;

	hk_volume(0, readonly);
	hk_saves = hk_chunkstate = hk_opens = 0;
	memset(&bd, 0, sizeof(bd));
	strncpy(bd.bd_dev, "sd3", sizeof(bd.bd_dev));
	bd.bd_cmd = cmd;
	bd.bd_data = data;
	bd.bd_size = size;
	rv = sr_bio_handler(&hk_sc, &hk_sd, BIOCDISCIPLINE, &bd.bd_bio);
	hk_print(vol, cmd == SR_IOCTL_GET_KDFHINT ? "kdfhint" : "changepass",
	    rv, &bd.bd_bio.bio_status);
}

void
hk_run(void)
{
	static struct sr_crypto_kdfinfo kdf1, kdf2;
	static struct sr_crypto_kdfpair pair;
	static struct sr_crypto_pbkdf hint;
	const char *names[2] = { "crypto", "crypto-ro" };
	int ro;

	pair.kdfinfo1 = &kdf1;
	pair.kdfsize1 = sizeof(kdf1);
	pair.kdfinfo2 = &kdf2;
	pair.kdfsize2 = sizeof(kdf2);
	for (ro = 0; ro <= 1; ro++) {
		hk_discipline(names[ro], ro, SR_IOCTL_GET_KDFHINT, &hint,
		    sizeof(hint));
		hk_discipline(names[ro], ro, SR_IOCTL_CHANGE_PASSPHRASE, &pair,
		    sizeof(pair));
		hk_setstate(names[ro], 0, ro, BIOC_SSOFFLINE);
		hk_setstate(names[ro], 0, ro, BIOC_SSREBUILD);
	}
	hk_setstate("raid1", 1, 0, BIOC_SSREBUILD);
	hk_setstate("raid1-ro", 1, 1, BIOC_SSREBUILD);
	hk_setstate("raid1-ro", 1, 1, BIOC_SSOFFLINE);
}
