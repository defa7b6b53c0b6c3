package srro.fstab;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two fstab(5) dialects srro reads. They share the six-field layout but differ in what a spec names (an
 * OpenBSD disklabel DUID such as {@code 3eb7f9da875cb9ee.a} versus Linux {@code UUID=}/{@code LABEL=} tags),
 * in file system and option names, and in how many fields an entry needs.
 */
public enum Dialect {
  /** OpenBSD fstab(5): spec file vfstype mntops freq passno; mntops carries rw/ro/sw/xx. */
  OPENBSD,
  /** Linux fstab(5) (util-linux libmount): fs_mntops, fs_freq and fs_passno may be left out. */
  LINUX;

  static final Pattern DUID_LIKE = Pattern.compile("[0-9a-fA-F]{16}(\\..*)?");
  private static final Pattern BSD_DISK = Pattern.compile("/dev/r?(sd|wd|vnd|cd|rd)[0-9]+[a-p]");
  static final Pattern TAG = Pattern.compile("(UUID|LABEL|PARTUUID|PARTLABEL|ID)=.*");

  private static final Set<String> OPENBSD_TYPES = Set.of("ffs", "mfs", "cd9660", "ext2fs", "fuse", "ntfs");
  private static final Set<String> LINUX_TYPES =
      Set.of(
          "ext2", "ext3", "ext4", "xfs", "btrfs", "vfat", "proc", "sysfs", "devpts", "tmpfs", "iso9660",
          "f2fs", "zfs", "nfs4", "cifs", "overlay", "squashfs", "devtmpfs", "cgroup2", "exfat");

  /** The dialect's name as the command line spells it. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The minimum number of fields an entry needs: OpenBSD's getfsent(3) needs mntops, libmount does not. */
  public int minimumFields() {
    return this == OPENBSD ? 4 : 3;
  }

  /**
   * Guesses the dialect from the entries: a DUID spec, an OpenBSD-only type (ffs, mfs) or the {@code sw}/{@code
   * xx} options vote OpenBSD; a {@code UUID=}-style tag, a Linux-only type or {@code defaults}/{@code nofail}/
   * {@code x-} options vote Linux. The majority wins; a tie (no hints at all) gives {@code fallback}.
   */
  public static Dialect detect(Fstab fstab, Dialect fallback) {
    int openbsd = 0;
    int linux = 0;
    for (Entry e : fstab.entries()) {
      String spec = e.spec();
      if (DUID_LIKE.matcher(spec).matches() || BSD_DISK.matcher(spec).matches()) {
        openbsd++;
      }
      if (TAG.matcher(spec).matches() || spec.startsWith("/dev/disk/")
          || spec.startsWith("/dev/mapper/")) {
        linux++;
      }
      String type = e.field(Entry.VFSTYPE).map(Field::raw).orElse("");
      if (OPENBSD_TYPES.contains(type)) {
        openbsd++;
      }
      if (LINUX_TYPES.contains(type)) {
        linux++;
      }
      for (String o : e.rawOptions()) {
        if ((o.equals("sw") && !type.equals("swap")) || o.equals("xx") || o.equals("softdep")) {
          openbsd++;
        }
        if (o.equals("defaults") || o.equals("nofail") || o.startsWith("x-") || o.equals("errors=remount-ro")) {
          linux++;
        }
      }
    }
    if (openbsd == linux) {
      return fallback;
    }
    return openbsd > linux ? OPENBSD : LINUX;
  }
}
