/*
 * Resumed-rebuild harness: sr_rebuild_resume(), cut by name out of the
 * patched sys/dev/softraid.c, with a kthread_create_deferred() that counts
 * the rebuilds it would start, on a volume in every state, read-only or
 * not.  Prints, for the JUnit test to judge:
 *   rebuild readonly=R status=NAME started=N msgs=MSG
 */
#include "sr_inc.h"
#include "shim.h"

int	hk_started;
char	hk_msgs[512];

void	sr_rebuild_start(void *);

void
sr_rebuild_start(void *arg)
{
	hk_printf("sr_rebuild_start ran\n");
}

void
kthread_create_deferred(void (*func)(void *), void *arg)
{
	if (func == sr_rebuild_start)
		hk_started++;
}

void
sr_warn(struct sr_softc *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(hk_msgs, sizeof(hk_msgs), fmt, ap);
	va_end(ap);
}

#include "sr_ext.c"

void	hk_flush_console(void);
int	hk_report(const char *, ...);

void
hk_run(void)
{
	static const struct {
		int		 status;
		const char	*name;
	} states[] = {
		{ BIOC_SVONLINE, BIOC_SVONLINE_S },
		{ BIOC_SVOFFLINE, BIOC_SVOFFLINE_S },
		{ BIOC_SVDEGRADED, BIOC_SVDEGRADED_S },
		{ BIOC_SVBUILDING, BIOC_SVBUILDING_S },
		{ BIOC_SVSCRUB, BIOC_SVSCRUB_S },
		{ BIOC_SVREBUILD, BIOC_SVREBUILD_S },
	};
	static struct sr_softc sc;
	static struct sr_discipline sd;
	static struct sr_metadata meta;
	int i, ro;

	for (ro = 0; ro <= 1; ro++) {
		for (i = 0; i < 6; i++) {
			memset(&sd, 0, sizeof(sd));
			memset(&meta, 0, sizeof(meta));
			strncpy(meta.ssd_devname, "sd3",
			    sizeof(meta.ssd_devname));
			sd.sd_sc = &sc;
			sd.sd_meta = &meta;
			sd.sd_capabilities = SR_CAP_SYSTEM_DISK |
			    SR_CAP_AUTO_ASSEMBLE | SR_CAP_REBUILD |
			    SR_CAP_REDUNDANT;
			if (ro)
				sd.sd_capabilities |= SR_CAP_READONLY;
			sd.sd_vol_status = states[i].status;
			hk_started = 0;
			hk_msgs[0] = '\0';
			sr_rebuild_resume(&sd);
			hk_report("rebuild readonly=%d status=%s started=%d "
			    "msgs=%s\n", ro, states[i].name, hk_started,
			    hk_msgs);
			hk_flush_console();
		}
	}
}
