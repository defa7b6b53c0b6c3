package srro.fstab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import srro.findings.Finding;
import srro.findings.Fix;
import srro.findings.Severity;

/**
 * The fstab rules. Each finding names the line; ids are stable (scripts match on them):
 *
 * <ul>
 *   <li>{@code short-entry} (error): fewer fields than the dialect needs (OpenBSD 4, Linux 3).
 *   <li>{@code extra-fields} (warning): more than six fields; the rest is ignored by getfsent(3).
 *   <li>{@code bad-freq}, {@code bad-passno} (error): fs_freq/fs_passno present but not a decimal number.
 *   <li>{@code ro-passno} (error, fixable): a read-only entry with fs_passno ≠ 0: fsck opens the device for
 *       writing and fsck_ffs stops with "NO WRITE ACCESS", dropping the boot to single-user mode; on a writable
 *       device it writes to a file system meant to stay unchanged.
 *   <li>{@code ro-volume-passno} (error, fixable): an entry on a volume that reports read-only with fs_passno ≠ 0.
 *   <li>{@code rw-on-ro-volume} (error): rw (said or implied) for a file system on a read-only volume.
 *   <li>{@code nofsck-passno} (warning, fixable): fs_passno ≠ 0 for swap, network, memory and pseudo file
 *       systems, which have no fsck.
 *   <li>{@code root-passno} (warning): the root file system with fs_passno other than 1 (Linux: 0 is accepted,
 *       xfs and btrfs want it).
 *   <li>{@code relative-mount-point} (error): fs_file neither absolute nor {@code none}/{@code swap} for swap.
 *   <li>{@code duplicate-mount-point} (warning): a mount point listed twice; the later one hides the former.
 *   <li>{@code unknown-option} (warning): see {@link Options} for what each dialect reports.
 *   <li>{@code duid-no-partition} (error): a 16-hex-digit DUID without {@code .} and a partition letter a–p.
 *   <li>the rules of {@link FstabVerify} that ask the machine ({@link MachineFacts}) as findmnt --verify does.
 * </ul>
 */
public final class FstabLint {
  private FstabLint() {}

  static final Set<String> NO_FSCK_TYPES =
      Set.of(
          "swap", "nfs", "nfs4", "mfs", "tmpfs", "proc", "procfs", "sysfs", "devpts", "devtmpfs", "cgroup",
          "cgroup2", "securityfs", "debugfs", "tracefs", "mqueue", "hugetlbfs", "configfs", "pstore", "bpf",
          "efivarfs", "autofs", "cifs", "smb3", "smbfs", "sshfs", "overlay", "squashfs", "iso9660", "cd9660",
          "udf", "ramfs", "binfmt_misc", "rpc_pipefs", "9p", "virtiofs", "fusectl", "none", "kernfs", "fuse");

  /** Pseudo file systems that old fstabs list with mount point {@code none}. */
  private static final Set<String> MOUNTED_ON_NONE = Set.of("proc", "sysfs", "devpts", "tmpfs", "cgroup2");

  /** Longest field value a finding quotes; longer ones are cut, so a finding never echoes a whole line. */
  static final int QUOTE_MAX = 40;

  /** {@code field} in quotes, cut to {@link #QUOTE_MAX} characters, control characters shown as '?'. */
  static String quoted(String field) {
    String f = field.length() > QUOTE_MAX ? field.substring(0, QUOTE_MAX) + "..." : field;
    StringBuilder sb = new StringBuilder("'");
    for (char c : f.toCharArray()) {
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append('\'').toString();
  }

  /** Runs every rule over {@code fstab}; {@code volumes} answers whether an entry's volume is read-only. */
  public static List<Finding> lint(Fstab fstab, VolumeFacts volumes) {
    return lint(fstab, volumes, MachineFacts.NONE);
  }

  /**
   * Runs every rule, and {@link FstabVerify}'s with {@code machine} answering what the names in the file are on
   * this machine (as {@code findmnt --verify} does).
   */
  public static List<Finding> lint(Fstab fstab, VolumeFacts volumes, MachineFacts machine) {
    List<Finding> out = new ArrayList<>();
    List<Entry> checked = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Dialect d = fstab.dialect();
    for (Entry e : fstab.entries()) {
      int n = e.line().number();
      int count = e.line().fields().size();
      String target = e.target();
      if (count < d.minimumFields()) {
        out.add(
            new Finding(
                "short-entry", Severity.ERROR, target, n,
                "entry has " + count + " field" + (count == 1 ? "" : "s") + ", " + d.cliName()
                    + " fstab needs at least " + d.minimumFields(),
                "write 'spec file type options freq passno'"));
        continue;
      }
      if (count > 6) {
        out.add(
            new Finding(
                "extra-fields", Severity.WARNING, target, n,
                "entry has " + count + " fields, fstab has six; the rest is ignored",
                "remove the fields after fs_passno or make them a comment"));
      }
      String[] names = {"fs_freq", "fs_passno"};
      String[] ids = {"bad-freq", "bad-passno"};
      for (int i = 0; i < 2; i++) {
        Field f = e.field(Entry.FREQ + i).orElse(null);
        if (f != null && f.number() < 0) {
          out.add(
              new Finding(
                  ids[i], Severity.ERROR, target, n,
                  names[i] + " is " + quoted(f.raw()) + ", expected a decimal number",
                  "write 0 (or 1 for fs_passno of the root file system)"));
        }
      }
      if (e.ignored()) {
        continue;
      }
      checkSpec(e, target, out);
      checkOptions(e, target, out);
      checkMountPoint(e, target, seen, out);
      FstabVerify.entry(e, target, machine, out);
      checkPassno(e, target, volumes, out);
      checked.add(e);
    }
    FstabVerify.order(checked, out);
    return List.copyOf(out);
  }

  private static void checkSpec(Entry e, String target, List<Finding> out) {
    if (e.dialect() != Dialect.OPENBSD || !Dialect.DUID_LIKE.matcher(e.spec()).matches()) {
      return;
    }
    String spec = e.spec();
    if (spec.length() == 18 && spec.charAt(16) == '.' && spec.charAt(17) >= 'a' && spec.charAt(17) <= 'p') {
      return;
    }
    String why =
        spec.length() == 16
            ? "has no '.' and partition letter"
            : "does not end in '.' and one partition letter a-p";
    out.add(
        new Finding(
            "duid-no-partition", Severity.ERROR, target, e.line().number(),
            "DUID spec " + quoted(spec) + " " + why,
            "write the disklabel DUID as " + spec.substring(0, 16) + ".a (see disklabel(8) for the letter)"));
  }

  private static void checkOptions(Entry e, String target, List<Finding> out) {
    for (String o : e.rawOptions()) {
      if (o.equals("sw") && e.type().equals("swap")) {
        continue; // Debian's installer writes "sw" for swap; swapon(8) ignores it
      }
      String problem = Options.problem(e.dialect(), o);
      if (problem != null) {
        out.add(
            new Finding(
                "unknown-option", Severity.WARNING, target, e.line().number(),
                "option " + quoted(o) + " is " + problem,
                "check mount(8) and the file system's manual; remove or correct the option"));
      }
    }
  }

  private static void checkMountPoint(Entry e, String target, Map<String, Integer> seen, List<Finding> out) {
    String file = e.file();
    int n = e.line().number();
    if (e.isSwap() && (file.equals("none") || file.equals("swap"))) {
      return;
    }
    if (!file.startsWith("/")) {
      if (!(file.equals("none") && MOUNTED_ON_NONE.contains(e.type()))) {
        out.add(
            new Finding(
                "relative-mount-point", Severity.ERROR, target, n,
                "mount point " + quoted(file) + " is not an absolute path",
                "write the full path, starting with /"));
      }
      return;
    }
    String key = file.length() > 1 && file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
    Integer first = seen.putIfAbsent(key, n);
    if (first != null) {
      out.add(
          new Finding(
              "duplicate-mount-point", Severity.WARNING, target, n,
              "mount point " + file + " is also used on line " + first + "; this mount hides the other",
              "remove one of the entries or mark one noauto"));
    }
  }

  private static void checkPassno(Entry e, String target, VolumeFacts volumes, List<Finding> out) {
    int passno = e.passno();
    int n = e.line().number();
    if (passno <= 0) {
      if (passno == 0 && e.file().equals("/") && e.dialect() == Dialect.OPENBSD && !e.readOnly()
          && !volumes.readOnly(e).orElse(false)) {
        out.add(rootPassno(target, n, passno));
      }
      checkRwOnRoVolume(e, target, volumes, out);
      return;
    }
    boolean noFsck = e.isSwap() || NO_FSCK_TYPES.contains(e.type()) || e.type().startsWith("fuse.");
    boolean roVolume = volumes.readOnly(e).orElse(false);
    if (e.readOnly()) {
      out.add(
          new Finding(
              "ro-passno", Severity.ERROR, target, n,
              "read-only entry has fs_passno " + passno + ": " + fsckFails(e),
              "set fs_passno to 0 (srro fstab --fix)", Fix.PASSNO_TO_ZERO));
    } else if (roVolume) {
      out.add(
          new Finding(
              "ro-volume-passno", Severity.ERROR, target, n,
              "the volume under " + e.spec() + " is read-only but fs_passno is " + passno + ": " + fsckFails(e),
              "set fs_passno to 0 (srro fstab --fix) and mount it ro", Fix.PASSNO_TO_ZERO));
    } else if (noFsck) {
      out.add(
          new Finding(
              "nofsck-passno", Severity.WARNING, target, n,
              (e.isSwap() ? "swap" : e.type()) + " has no fsck but fs_passno is " + passno,
              "set fs_passno to 0 (srro fstab --fix)", Fix.PASSNO_TO_ZERO));
    } else if (e.file().equals("/") && passno != 1) {
      out.add(rootPassno(target, n, passno));
    }
    checkRwOnRoVolume(e, target, volumes, out);
  }

  /**
   * The boot-time fsck of {@code e}'s own file system: OpenBSD's fsck(8) runs {@code fsck_TYPE}, Linux's
   * {@code fsck.TYPE}; {@code auto} and a list of types leave the choice to fsck itself.
   */
  static String fsckName(Entry e) {
    String type = e.type();
    if (e.dialect() == Dialect.OPENBSD) {
      return type.isEmpty() ? "fsck" : "fsck_" + type;
    }
    return type.isEmpty() || type.equals("auto") || type.contains(",") ? "fsck" : "fsck." + type;
  }

  /** What the boot's fsck does with a read-only device, in the entry's own OS's words. */
  static String fsckFails(Entry e) {
    return e.dialect() == Dialect.OPENBSD
        ? fsckName(e) + " opens it for writing, stops with NO WRITE ACCESS on a read-only device, and the boot"
            + " stops in single-user mode"
        : fsckName(e) + " opens it for writing, fails with 'Read-only file system' on a read-only device, and the"
            + " boot stops in emergency mode";
  }

  private static Finding rootPassno(String target, int n, int passno) {
    return new Finding(
        "root-passno", Severity.WARNING, target, n,
        "root file system has fs_passno " + passno + ", expected 1 (checked first)",
        "set fs_passno of / to 1");
  }

  private static void checkRwOnRoVolume(Entry e, String target, VolumeFacts volumes, List<Finding> out) {
    if (e.readWrite() && volumes.readOnly(e).orElse(false)) {
      out.add(
          new Finding(
              "rw-on-ro-volume", Severity.ERROR, target, e.line().number(),
              "entry mounts " + e.spec() + " read-write but the volume is read-only",
              "replace rw (or defaults) with ro in fs_mntops"));
    }
  }
}
