package srro.fstab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import srro.findings.Finding;
import srro.findings.Severity;

/**
 * The rules of {@code findmnt --verify} (util-linux 2.38) that need the machine, decided on the answers of a
 * {@link MachineFacts}, plus the ordering rule that needs only the file:
 *
 * <ul>
 *   <li>{@code unsupported-tag} (error, Linux): a {@code NAME=value} spec whose NAME libmount does not resolve
 *       (UUID, LABEL, PARTUUID, PARTLABEL and ID are the ones it does).
 *   <li>{@code source-not-found} (error; warning with {@code noauto}): the spec names no device here.
 *   <li>{@code source-not-block-device} (warning): the spec names something that is not a block device, for
 *       an entry that is not swap, a bind mount or a loop mount.
 *   <li>{@code mount-point-not-found} (error; warning with {@code noauto}): nothing at fs_file.
 *   <li>{@code mount-point-not-directory} (error): fs_file is not a directory, and the entry is not a bind
 *       mount (which may put a file over a file).
 *   <li>{@code non-canonical-mount-point} (warning): fs_file is not its own real path (a trailing slash, a
 *       symlink, {@code ..}); the mount table will show the real path, and a comparison by name misses it.
 *   <li>{@code unknown-fs-type} (warning): the kernel does not know fs_vfstype (and no module for it exists).
 *   <li>{@code mount-order} (error): a mount point listed before the entry that mounts its parent; mounting in
 *       file order hides the first under the second.
 * </ul>
 *
 * Pseudo and network file systems (tmpfs, proc, nfs, sshfs...) have no device to look up and are skipped, as
 * findmnt skips them.
 */
final class FstabVerify {
  private FstabVerify() {}

  /** The tags libmount resolves (mnt_valid_tagname). */
  static final Set<String> TAGS = Set.of("UUID", "LABEL", "PARTUUID", "PARTLABEL", "ID");

  private static final Pattern TAG_LIKE = Pattern.compile("([A-Za-z_]+)=.*");

  /** File systems with no block device under them (libmount's pseudo and network lists, and OpenBSD's). */
  static final Set<String> NO_DEVICE =
      Set.of(
          "none", "proc", "procfs", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "cpuset",
          "securityfs", "debugfs", "tracefs", "configfs", "pstore", "bpf", "efivarfs", "mqueue", "hugetlbfs",
          "binfmt_misc", "fusectl", "ramfs", "rootfs", "rpc_pipefs", "selinuxfs", "autofs", "overlay", "nsfs",
          "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "9p", "virtiofs", "mfs",
          "kernfs", "fuse");

  /** Types that name no particular file system: the kernel's list is not asked about them. */
  private static final Set<String> ANY_TYPE = Set.of("auto", "ignore", "swap", "none");

  static boolean noDevice(Entry e) {
    String type = e.type();
    return NO_DEVICE.contains(type) || type.startsWith("fuse.") || (e.dialect() == Dialect.LINUX
        && e.rawOptions().contains("bind"));
  }

  /** The rules for one entry; {@code target} is what the report calls it. */
  static void entry(Entry e, String target, MachineFacts machine, List<Finding> out) {
    int n = e.line().number();
    boolean noauto = e.rawOptions().contains("noauto");
    Severity missing = noauto ? Severity.WARNING : Severity.ERROR;
    String unlessNoauto = noauto ? "" : " and the boot waits for it";
    if (!noDevice(e)) {
      String spec = e.spec();
      var tag = TAG_LIKE.matcher(spec);
      if (e.dialect() == Dialect.LINUX && tag.matches() && !TAGS.contains(tag.group(1))) {
        out.add(
            new Finding(
                "unsupported-tag", Severity.ERROR, target, n,
                "source " + spec + " uses the tag " + tag.group(1) + ", which mount(8) cannot resolve",
                "write UUID=, LABEL=, PARTUUID=, PARTLABEL= or a device path (blkid lists them)"));
      } else {
        machine.source(spec).ifPresent(s -> source(e, target, s, missing, unlessNoauto, out));
      }
    }
    String file = e.file();
    if (file.startsWith("/") && !e.isSwap()) {
      machine.target(file).ifPresent(t -> target(e, target, t, missing, out));
    }
    if (!e.isSwap() && !noDevice(e)) {
      machine.fileSystems().ifPresent(known -> types(e, target, known, out));
    }
  }

  private static void source(
      Entry e, String target, MachineFacts.Source s, Severity missing, String unlessNoauto, List<Finding> out) {
    int n = e.line().number();
    if (s instanceof MachineFacts.Source.Missing m) {
      out.add(
          new Finding(
              "source-not-found", missing, target, n,
              "source " + e.spec() + " names no device on this machine (" + m.looked() + ")" + unlessNoauto,
              e.dialect() == Dialect.OPENBSD
                  ? "check the DUID or device with disklabel(8) and sysctl hw.disknames"
                  : "check the name with blkid or lsblk -f; mark the entry noauto or nofail if the disk is"
                      + " not always there"));
    } else if (s instanceof MachineFacts.Source.Found f && !f.blockDevice() && !e.isSwap()
        && !e.rawOptions().contains("loop")) {
      out.add(
          new Finding(
              "source-not-block-device", Severity.WARNING, target, n,
              "source " + e.spec() + " is not a block device",
              "name the disk or partition, or add the loop option for an image file"));
    }
  }

  private static void target(Entry e, String target, MachineFacts.Target t, Severity missing, List<Finding> out) {
    int n = e.line().number();
    String file = e.file();
    if (!t.exists()) {
      out.add(
          new Finding(
              "mount-point-not-found", missing, target, n,
              "mount point " + file + " does not exist" + (missing == Severity.ERROR ? "; mount fails at boot" : ""),
              "create it with mkdir -p " + file));
      return;
    }
    if (!t.directory() && !e.rawOptions().contains("bind")) {
      out.add(
          new Finding(
              "mount-point-not-directory", Severity.ERROR, target, n,
              "mount point " + file + " is not a directory", "mount on a directory"));
    }
    if (!t.realPath().equals(file)) {
      out.add(
          new Finding(
              "non-canonical-mount-point", Severity.WARNING, target, n,
              "mount point " + file + " is really " + t.realPath() + "; the mount table will show that name",
              "write " + t.realPath()));
    }
  }

  private static void types(Entry e, String target, Set<String> known, List<Finding> out) {
    List<String> types = e.dialect() == Dialect.LINUX ? List.of(e.type().split(",")) : List.of(e.type());
    for (String type : types) {
      if (type.isEmpty() || ANY_TYPE.contains(type) || known.contains(type)) {
        continue;
      }
      out.add(
          new Finding(
              "unknown-fs-type", Severity.WARNING, target, e.line().number(),
              "file system type " + type + " is not known to this machine's kernel"
                  + (e.dialect() == Dialect.OPENBSD ? " (no /sbin/mount_" + type + ")" : " (nor as a module)"),
              e.dialect() == Dialect.OPENBSD
                  ? "check the type against mount(8)"
                  : "check the type in /proc/filesystems, or install the module or package that provides it"));
    }
  }

  /**
   * {@code mount-order}: mount(8) -a mounts in file order, so an entry whose mount point lies under one listed
   * later is hidden when the later one mounts over its parent.
   */
  static void order(List<Entry> entries, List<Finding> out) {
    Map<String, Integer> first = new HashMap<>();
    for (Entry e : entries) {
      first.putIfAbsent(strip(e.file()), e.line().number());
    }
    for (Entry e : entries) {
      String file = strip(e.file());
      if (!file.startsWith("/") || e.isSwap() || file.equals("/")) {
        continue;
      }
      int n = e.line().number();
      for (String parent = parent(file); parent != null; parent = parent(parent)) {
        Integer later = first.get(parent);
        if (later != null && later > n) {
          out.add(
              new Finding(
                  "mount-order", Severity.ERROR, e.target(), n,
                  file + " is listed before its parent " + parent + " (line " + later + "), which then hides it",
                  "move line " + n + " after line " + later));
          break;
        }
      }
    }
  }

  static String strip(String file) {
    return file.length() > 1 && file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
  }

  private static String parent(String path) {
    if (path.equals("/")) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
