package srro.mounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for what OpenBSD's tools print about disks, used when native access (getfsstat(2), the bio(4)
 * ioctls) is not available: {@code sysctl -n hw.disknames} ({@code sd0:3eb7f9da875cb9ee,sd1:,cd0:}), {@code
 * bioctl softraid0} (a volume line per softraid volume, then one indented line per disk) and the kernel's
 * messages (dmesg(8), {@code /var/run/dmesg.boot}), where sd(4) says whether it attached a disk read-only.
 */
public final class OpenBsdDisks {
  private OpenBsdDisks() {}

  /** Largest tool output srro reads. */
  public static final int MAX_CHARS = 1 << 20;

  /**
   * sd.c's attach line, {@code printf("%s: %lluMB, %u bytes/sector, %llu sectors", ...)}, then maybe
   * {@code ", thin"}, then maybe {@code ", readonly"}.
   */
  private static final Pattern SD_CAPACITY =
      Pattern.compile("(sd[0-9]+): [0-9]+MB, [0-9]+ bytes/sector, [0-9]+ sectors(?:, thin)?(, readonly)?");

  /** config_detach(9)'s {@code printf("%s detached\n", dv_xname)}. */
  private static final Pattern SD_DETACHED = Pattern.compile("(sd[0-9]+) detached");

  /**
   * The kernel's version banner, which starts each boot's messages ({@code OpenBSD 7.7 (GENERIC.MP) #624: ...}); the
   * message buffer can still hold the previous boot's.
   */
  private static final Pattern BOOT_BANNER = Pattern.compile("OpenBSD [0-9]+\\.[0-9]+\\S* \\([^)]*\\) #.*");

  private static final Pattern DISKNAME = Pattern.compile("([a-z]+[0-9]+):([0-9a-f]{16})?");

  /** A softraid chunk as bioctl(8) names it between angle brackets: a disk and maybe a partition. */
  private static final String CHUNK_DEVICE = "(?:sd|wd|vnd)[0-9]+[a-p]?";

  /**
   * A volume line, {@code printf("%11s %-10s %14s %-7s ", volname, status, size, bv_dev)} then the level and its
   * suffixes ({@code " 42% done"}, {@code " 17 seconds"}, and for RAID levels a space and the cache mode).
   */
  private static final Pattern VOLUME =
      Pattern.compile(
          "\\s*[a-z]+[0-9]+ [0-9]+\\s+(Online|Offline|Degraded|Building|Scrubbing|Rebuild|Invalid)\\s+[0-9]+"
              + "\\s+((?:sd|wd|vnd)[0-9]+)\\s+(CRYPTO|CONCAT|RAID(?:1C|1E|[0-9]+))"
              + "(?: [0-9]+% done)?(?: [0-9]+ seconds)?(?: (?:WB|WT)?)?");

  /** The start of a volume line, or of a hot spare's or unused disk's line, which name the volume. */
  private static final Pattern VOLUME_NAME = Pattern.compile("\\s*[a-z]+[0-9]+ [0-9]+ .*");

  /**
   * A disk line, {@code printf("%11s %-10s %14s %-7s %-6s <%s>\n", volname, status, size, scsiname, encname,
   * bd_vendor)}: volname is the disk id, or the volume name for a hot spare or unused disk; size is "key disk" for
   * a CRYPTO or RAID1C key disk.
   */
  private static final Pattern DISK =
      Pattern.compile(
          "\\s*(?:([0-9]+)|[a-z]+[0-9]+ [0-9]+)\\s+(?:Online|Offline|Failed|Rebuild|Hot spare|Unused|Scrubbing|Invalid)"
              + "\\s+([0-9]+|key disk)\\s+[0-9]+:[0-9]+\\.[0-9]+\\s+\\S+\\s+<("
              + CHUNK_DEVICE
              + ")>");

  /**
   * A softraid volume as bioctl(8) lists it.
   *
   * @param device the volume's disk ({@code sd2})
   * @param status the volume's status ({@code Online}, {@code Degraded}, {@code Rebuild}, ...)
   * @param level the RAID level as printed ({@code CRYPTO}, {@code CONCAT}, {@code RAID1}, {@code RAID1C}, ...)
   * @param chunks the disks the volume's data lives on, in the order listed ({@code sd1a}), without the key disk
   * @param keyDisk the partition holding the key of a CRYPTO or RAID1C volume unlocked by a key disk
   */
  public record SoftraidVolume(
      String device, String status, String level, List<String> chunks, Optional<String> keyDisk) {
    /** Checks that nothing is null and copies the chunks. */
    public SoftraidVolume {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(level, "level");
      chunks = List.copyOf(chunks);
      Objects.requireNonNull(keyDisk, "keyDisk");
    }
  }

  /**
   * A disk as hw.disknames names it.
   *
   * @param name the disk's name ({@code sd0}, {@code cd0})
   * @param duid its disklabel's DUID, 16 lower-case hex digits; empty for a disk without a label
   */
  public record Disk(String name, Optional<String> duid) {
    /** Checks that nothing is null. */
    public Disk {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duid, "duid");
    }
  }

  /**
   * Every disk in {@code sysctl -n hw.disknames} output ({@code sd0:3eb7f9da875cb9ee,sd1:,cd0:}), in order. The
   * value may have a {@code hw.disknames=} prefix (sysctl without -n) and trailing white space or NULs (read as a
   * C string).
   */
  public static List<Disk> disknames(String source, String text) throws MountFormatException {
    limit(source, text);
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\0' || Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    String s = text.substring(0, end).strip();
    if (s.startsWith("hw.disknames=")) {
      s = s.substring("hw.disknames=".length());
    }
    List<Disk> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String item : s.split(",")) {
      Matcher m = DISKNAME.matcher(item);
      if (!m.matches()) {
        throw new MountFormatException(source, 1, "expected 'disk:duid' items in hw.disknames, got '" + item + "'");
      }
      out.add(new Disk(m.group(1), Optional.ofNullable(m.group(2))));
    }
    return out;
  }

  /**
   * DUID (lower case) to disk name from hw.disknames, as {@link #disknames} reads it; disks without a label have no
   * DUID and are left out, and when two disks share a DUID (a cloned disk) the later one wins.
   */
  public static Map<String, String> duids(String source, String disknames) throws MountFormatException {
    return duids(disknames(source, disknames));
  }

  /** DUID to disk name for disks already read; disks without a label are left out, a later duplicate wins. */
  public static Map<String, String> duids(List<Disk> disks) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Disk d : disks) {
      d.duid().ifPresent(duid -> out.put(duid, d.name()));
    }
    return out;
  }

  /**
   * The softraid volumes from {@code bioctl softraid0} output (bioctl.c's bio_inq, without -h): a volume line each,
   * then a line per disk. Hot spares and unused disks belong to no volume and are left out; the key disk of a CRYPTO
   * or RAID1C volume goes to {@link SoftraidVolume#keyDisk()}, not to its chunks. Lines that are not a volume or a
   * disk (the header, -v serial lines, a disk whose {@code <...>} does not name a device) are skipped.
   */
  public static List<SoftraidVolume> bioctl(String source, String output) throws MountFormatException {
    limit(source, output);
    List<SoftraidVolume> out = new ArrayList<>();
    Matcher volume = null;
    List<String> chunks = new ArrayList<>();
    String keyDisk = null;
    for (String raw : output.split("\n")) {
      String line = raw.stripTrailing();
      Matcher d = DISK.matcher(line);
      Matcher v = VOLUME.matcher(line);
      boolean isDisk = d.matches();
      boolean isVolume = !isDisk && v.matches();
      if (isDisk) {
        if (d.group(1) == null) {
          // A hot spare or unused disk: a volume of its own that bioctl prints no volume line for.
          add(out, volume, chunks, keyDisk);
          volume = null;
        } else if (volume != null && d.group(2).equals("key disk")) {
          keyDisk = keyDisk == null ? d.group(3) : keyDisk;
        } else if (volume != null) {
          chunks.add(d.group(3));
        }
      } else if (isVolume || VOLUME_NAME.matcher(line).matches()) {
        // A volume line this parser cannot read still ends the previous volume: its disks are not that volume's.
        add(out, volume, chunks, keyDisk);
        volume = isVolume ? v : null;
        chunks = new ArrayList<>();
        keyDisk = null;
      }
    }
    add(out, volume, chunks, keyDisk);
    return out;
  }

  private static void add(List<SoftraidVolume> out, Matcher volume, List<String> chunks, String keyDisk) {
    if (volume != null) {
      out.add(
          new SoftraidVolume(
              volume.group(2), volume.group(1), volume.group(3), chunks, Optional.ofNullable(keyDisk)));
    }
  }

  /**
   * Whether each sd(4) disk attached read-only, from dmesg(8) output or {@code /var/run/dmesg.boot}: sd.c prints
   * {@code sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly} when it attaches a write-protected disk and
   * the same line without {@code ", readonly"} otherwise. Keys are in order of first appearance and the last line
   * for a disk wins, as a disk can be detached and attached again; {@code sd1 detached} drops sd1 until it attaches
   * again, and the banner of a new boot ({@code OpenBSD 7.7 (GENERIC.MP) #624: ...}) drops every disk the previous
   * boot attached.
   */
  public static Map<String, Boolean> attachReadOnly(String source, String dmesg) throws MountFormatException {
    limit(source, dmesg);
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String raw : dmesg.split("\n")) {
      String line = raw.stripTrailing();
      Matcher capacity = SD_CAPACITY.matcher(line);
      Matcher detached = SD_DETACHED.matcher(line);
      if (capacity.matches()) {
        out.put(capacity.group(1), capacity.group(2) != null);
      } else if (detached.matches()) {
        out.remove(detached.group(1));
      } else if (BOOT_BANNER.matcher(line).matches()) {
        out.clear();
      }
    }
    return out;
  }

  private static void limit(String source, String s) throws MountFormatException {
    if (s.length() > MAX_CHARS) {
      throw new MountFormatException(source, -1, "output is longer than " + MAX_CHARS + " characters");
    }
  }
}
