/*
 * sr_meta_probe() harness: sr_meta_probe(), sr_meta_getdevname() and
 * sr_chunks_unwind(), cut by name out of the patched sys/dev/softraid.c,
 * with a VOP_OPEN() that answers from a script and a VOP_CLOSE() that
 * records its flags.  Compiled with -Dmalloc=hk_malloc -Dfree=hk_free.
 */
#include "sr_inc.h"
#include "shim.h"

int	securelevel = 2;
int	hk_answer[8], hk_nanswer, hk_opens, hk_vputs;
int	hk_open_flags[8], hk_open_error[8], hk_close_flags[8], hk_nclose;
char	hk_msgs[2048];

static struct vnode	hk_vnodes[8];
static int		hk_nvnode;

void *
hk_malloc(size_t size, int type, int flags)
{
	void *hk_calloc(size_t);

	return (hk_calloc(size));
}

void
hk_free(void *p, int type, size_t size)
{
	void hk_release(void *);

	hk_release(p);
}

size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size > 0) {
		memcpy(dst, src, n < size ? n : size - 1);
		dst[n < size ? n : size - 1] = '\0';
	}
	return (n);
}

char *
findblkname(int maj)
{
	return (maj == 4 ? "sd" : maj == 14 ? "vnd" : NULL);
}

int
bdevvp(dev_t dev, struct vnode **vpp)
{
	*vpp = &hk_vnodes[hk_nvnode++ % 8];
	return (0);
}

/* The script: the answer to each VOP_OPEN() in turn (0 once it ends). */
int
VOP_OPEN(struct vnode *vp, int mode, struct ucred *cred, struct proc *p)
{
	int error = hk_opens < hk_nanswer ? hk_answer[hk_opens] : 0;

	if (hk_opens < 8) {
		hk_open_flags[hk_opens] = mode;
		hk_open_error[hk_opens] = error;
	}
	hk_opens++;
	return (error);
}

int
VOP_CLOSE(struct vnode *vp, int fflag, struct ucred *cred, struct proc *p)
{
	if (hk_nclose < 8)
		hk_close_flags[hk_nclose] = fflag;
	hk_nclose++;
	return (0);
}

int
vn_lock(struct vnode *vp, int flags)
{
	return (0);
}

void
vput(struct vnode *vp)
{
	hk_vputs++;
}

static void
hk_msg(const char *kind, const char *fmt, va_list *ap)
{
	size_t n = strlen(hk_msgs);

	snprintf(hk_msgs + n, sizeof(hk_msgs) - n, "%s%s:", n ? "|" : "",
	    kind);
	n = strlen(hk_msgs);
	vsnprintf(hk_msgs + n, sizeof(hk_msgs) - n, fmt, *ap);
}

void
sr_error(struct sr_softc *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hk_msg("error", fmt, &ap);
	va_end(ap);
}

void
sr_warn(struct sr_softc *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hk_msg("warn", fmt, &ap);
	va_end(ap);
}

/* Every chunk is one that the native metadata prober accepts. */
static int
hk_probe(struct sr_softc *sc, struct sr_chunk *ch)
{
	return (SR_META_F_NATIVE);
}

#include "srs_ext.c"

struct sr_meta_driver smd[] = {
	{ 0, 0, hk_probe, NULL, NULL, NULL, NULL, NULL },
	{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};

#include "sr_ext.c"

/*
 * Probes n chunks (sd2a, sd3a, ...) of a fresh discipline and unwinds them
 * again, as a failed or finished assembly does.  Results are left in the
 * hk_ globals; *readonly says whether the volume got SR_CAP_READONLY,
 * rdonly[i] each chunk's src_rdonly (-1 for a chunk that did not open).
 */
int
hk_probe_chunks(int n, int *readonly, int *rdonly)
{
	static struct sr_softc sc;
	struct sr_discipline *sd;
	struct sr_chunk *ch;
	dev_t dt[8];
	int i, type;

	memset(&sc, 0, sizeof(sc));
	strncpy(sc.sc_dev.dv_xname, "softraid0", sizeof(sc.sc_dev.dv_xname));
	sd = hk_malloc(sizeof(*sd), M_DEVBUF, M_ZERO);
	sd->sd_sc = &sc;
	SLIST_INIT(&sd->sd_vol.sv_chunk_list);
	for (i = 0; i < n; i++)
		dt[i] = MAKEDISKDEV(4, 2 + i, 0);
	type = sr_meta_probe(sd, dt, n);
	*readonly = (sd->sd_capabilities & SR_CAP_READONLY) ? 1 : 0;
	i = 0;
	SLIST_FOREACH(ch, &sd->sd_vol.sv_chunk_list, src_link) {
		rdonly[i++] = ch->src_vn ? ch->src_rdonly : -1;
	}
	for (; i < n; i++)
		rdonly[i] = -2;		/* never reached */
	sr_chunks_unwind(&sc, &sd->sd_vol.sv_chunk_list);
	hk_free(sd, M_DEVBUF, sizeof(*sd));
	return (type == SR_META_F_NATIVE ? 1 : 0);
}

int
hk_flag_read(void)
{
	return (FREAD);
}

int
hk_flag_write(void)
{
	return (FWRITE);
}
