package srro.mounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import srro.fstab.Octal;

/**
 * The mounted file systems, read from Linux {@code /proc/self/mountinfo} (proc(5)) or from the output of
 * mount(8) on Linux ({@code /dev/sda1 on / type ext4 (rw,relatime)}) or OpenBSD ({@code /dev/sd0a on / type ffs
 * (local, read-only)}). When a mount point is mounted over, the last mount wins.
 */
public record MountTable(String source, Format format, List<Mount> mounts) {
  /** Largest mount table srro reads (a busy container host has a few hundred KiB). */
  public static final int MAX_BYTES = 8 << 20;

  /** Which text the table was read from. */
  public enum Format {
    MOUNTINFO,
    MOUNT_OUTPUT,
    /** OpenBSD getfsstat(2) records, decoded by {@link OpenBsdStatfs}. */
    GETFSSTAT
  }

  private static final Pattern MOUNTINFO_LINE = Pattern.compile("[0-9]+ [0-9]+ [0-9]+:[0-9]+ .*");

  public MountTable {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    mounts = List.copyOf(mounts);
  }

  /** The mount on {@code mountPoint} that is visible (the last one), if any. */
  public Optional<Mount> at(String mountPoint) {
    Mount found = null;
    for (Mount m : mounts) {
      if (m.mountPoint().equals(mountPoint)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Parses mountinfo or mount(8) output, whichever the first non-blank line looks like. */
  public static MountTable parse(String source, byte[] bytes) throws MountFormatException {
    List<String> lines = lines(source, bytes);
    for (String l : lines) {
      if (!l.isBlank()) {
        return MOUNTINFO_LINE.matcher(l).matches() ? parseMountinfo(source, bytes) : parseMountOutput(source, bytes);
      }
    }
    throw new MountFormatException(source, -1, "empty mount table, expected mountinfo or mount(8) output");
  }

  /**
   * Parses {@code /proc/self/mountinfo}: {@code id parent major:minor root mountpoint options [optional...] -
   * fstype source superoptions}, with {@code \NNN} octal escapes in paths.
   */
  public static MountTable parseMountinfo(String source, byte[] bytes) throws MountFormatException {
    List<Mount> mounts = new ArrayList<>();
    List<String> lines = lines(source, bytes);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split(" ", -1);
      int dash = Arrays.asList(f).indexOf("-");
      if (f.length < 10 || dash < 6 || f.length - dash != 4 || !MOUNTINFO_LINE.matcher(l).matches()) {
        throw new MountFormatException(
            source, i + 1, "expected 'id parent major:minor root mountpoint options ... - fstype source superoptions'");
      }
      List<String> options = List.of(f[5].split(","));
      boolean ro = options.contains("ro") || List.of(f[dash + 3].split(",")).contains("ro");
      mounts.add(new Mount(Octal.decode(f[dash + 2]), Octal.decode(f[4]), f[dash + 1], options, ro, i + 1));
    }
    return new MountTable(source, Format.MOUNTINFO, mounts);
  }

  /** Parses the output of mount(8) with no arguments, Linux or OpenBSD style. */
  public static MountTable parseMountOutput(String source, byte[] bytes) throws MountFormatException {
    List<Mount> mounts = new ArrayList<>();
    List<String> lines = lines(source, bytes);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      int on = l.indexOf(" on ");
      int type = l.lastIndexOf(" type ");
      int paren = l.lastIndexOf(" (");
      if (on <= 0 || type < on + 4 || paren < type + 6 || !l.endsWith(")")) {
        throw new MountFormatException(source, i + 1, "expected 'device on mountpoint type fstype (options)'");
      }
      List<String> options = new ArrayList<>();
      for (String o : l.substring(paren + 2, l.length() - 1).split(",")) {
        if (!o.isBlank()) {
          options.add(o.strip());
        }
      }
      boolean ro = options.contains("ro") || options.contains("read-only");
      String fsType = l.substring(type + 6, paren);
      mounts.add(new Mount(l.substring(0, on), l.substring(on + 4, type), fsType, options, ro, i + 1));
    }
    return new MountTable(source, Format.MOUNT_OUTPUT, mounts);
  }

  private static List<String> lines(String source, byte[] bytes) throws MountFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new MountFormatException(
          source, -1, "mount table is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.indexOf('\0') >= 0) {
      throw new MountFormatException(source, -1, "NUL byte in mount table, expected text");
    }
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
