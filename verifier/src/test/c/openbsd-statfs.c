/*
 * Writes the fixture verifier/src/test/resources/srro/mounts/statfs-7.7-amd64.bin: five struct statfs records
 * laid out by gcc from OpenBSD 7.7's own sys/mount.h, as getfsstat(2) would return them, and prints the
 * offsets OpenBsdStatfsTest pins. The OpenBSD headers are not in this repository; to regenerate, lay out a 7.7
 * sys/ tree (sys/, dev/, arch/amd64/include linked as machine/, ...) in $OBSYS and run
 *
 *   gcc -nostdinc -I$OBSYS -isystem $(gcc -print-file-name=include) -D__OpenBSD__ -D__amd64__ \
 *       -o openbsd-statfs openbsd-statfs.c && ./openbsd-statfs > statfs-7.7-amd64.bin 2> layout.txt
 */
#include <sys/types.h>
#include <sys/mount.h>
#include <stddef.h>

int fprintf(void *, const char *, ...);
long write(int, const void *, unsigned long);
void *memset(void *, int, unsigned long);
char *strncpy(char *, const char *, unsigned long);
extern void *stderr;

static void
fill(struct statfs *s, unsigned int flags, const char *type, const char *on, const char *from)
{
	memset(s, 0xa5, sizeof(*s));		/* every field we do not read is noise */
	s->f_flags = flags;
	memset(s->f_fstypename, 0, sizeof(s->f_fstypename));
	memset(s->f_mntonname, 0, sizeof(s->f_mntonname));
	memset(s->f_mntfromname, 0, sizeof(s->f_mntfromname));
	strncpy(s->f_fstypename, type, sizeof(s->f_fstypename) - 1);
	strncpy(s->f_mntonname, on, sizeof(s->f_mntonname) - 1);
	strncpy(s->f_mntfromname, from, sizeof(s->f_mntfromname) - 1);
	strncpy(s->f_mntfromspec, "3eb7f9da875cb9ee.a", sizeof(s->f_mntfromspec) - 1);
}

int
main(void)
{
	struct statfs s[5];
	char longname[MNAMELEN];

	memset(longname, 'x', sizeof(longname));
	longname[0] = '/';
	longname[MNAMELEN - 1] = '\0';
	fill(&s[0], MNT_LOCAL | MNT_ROOTFS, "ffs", "/", "/dev/sd0a");
	fill(&s[1], MNT_LOCAL | MNT_RDONLY | MNT_NODEV | MNT_NOSUID, "ffs", "/mnt/usb", "/dev/sd2a");
	fill(&s[2], 0, "nfs", "/nfs", "server:/export");
	fill(&s[3], MNT_LOCAL | MNT_NOSUID | MNT_NODEV | MNT_ASYNC | MNT_NOATIME | MNT_WXALLOWED, "mfs", "/tmp",
	    "mfs:4711");
	fill(&s[4], MNT_LOCAL | MNT_SOFTDEP | MNT_QUOTA | MNT_SYNCHRONOUS | MNT_NOEXEC | MNT_NOPERM |
	    MNT_EXPORTED | MNT_DEFEXPORTED | MNT_EXRDONLY | MNT_EXPORTANON, "ffs", longname, "/dev/wd0d");
	fprintf(stderr, "sizeof %zu f_flags %zu f_fstypename %zu f_mntonname %zu f_mntfromname %zu "
	    "f_mntfromspec %zu MFSNAMELEN %d MNAMELEN %d MNT_RDONLY %#x MNT_VISFLAGMASK %#x MNT_NOWAIT %d\n",
	    sizeof(struct statfs), offsetof(struct statfs, f_flags), offsetof(struct statfs, f_fstypename),
	    offsetof(struct statfs, f_mntonname), offsetof(struct statfs, f_mntfromname),
	    offsetof(struct statfs, f_mntfromspec), MFSNAMELEN, MNAMELEN, MNT_RDONLY, MNT_VISFLAGMASK, MNT_NOWAIT);
	return write(1, s, sizeof(s)) == sizeof(s) ? 0 : 1;
}
