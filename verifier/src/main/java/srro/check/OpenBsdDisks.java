package srro.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for what OpenBSD says about its disks in text: {@code hw.disknames} ({@code
 * sd0:3eb7f9da875cb9ee,sd1:,cd0:}, from sysctl(2) or sysctl(8)), {@code bioctl softraid0} output (used when the
 * bio(4) ioctls cannot be called) and sd(4)'s attach lines in dmesg ({@code sd1: 7633MB, 512 bytes/sector,
 * 15633408 sectors, readonly}).
 */
public final class OpenBsdDisks {
  private OpenBsdDisks() {}

  /** Largest text srro reads. */
  public static final int MAX_CHARS = 1 << 20;

  /** Longest bioctl(8) line looked at: its fields are at most a few dozen characters. */
  private static final int MAX_LINE = 512;

  private static final Pattern DISKNAME = Pattern.compile("([a-z]+[0-9]+):([0-9a-f]{16})?");
  /** bioctl.c: "%11s %-10s %14s %-7s " volname ("softraid0 0"), status, size, device, then the level. */
  private static final Pattern VOLUME = Pattern.compile(
      "\\s*[a-z]+[0-9]+ [0-9]+ (\\S+)\\s+[0-9]+ ((?:sd|wd|vnd)[0-9]+)\\s+(CRYPTO|CONCAT|RAID\\w+)\\b.*");
  /**
   * bioctl.c: "%11s %-10s %14s %-7s %-6s <%s>" disk id, status (which may hold a space: "Hot spare"), size or
   * "key disk", channel:target.lun, enclosure, and softraid's chunk name.
   */
  private static final Pattern CHUNK = Pattern.compile(
      "\\s+([0-9]+) (.+?)\\s+([0-9]+|key disk) [0-9]+:[0-9]+\\.[0-9]+\\s+\\S+ <((?:sd|wd|vnd)[0-9]+[a-p]?)>");
  /** sd.c sdattach: "%s: %lluMB, %u bytes/sector, %llu sectors" [", thin"] [", readonly"]. */
  private static final Pattern ATTACH =
      Pattern.compile("(sd[0-9]+): [0-9]+MB, [0-9]+ bytes/sector, [0-9]+ sectors(, thin)?(, readonly)?");
  private static final Pattern DETACH = Pattern.compile("(sd[0-9]+) detached");

  /** A disk of hw.disknames and its DUID (lower case), which disks without a disklabel lack. */
  public record Disk(String name, Optional<String> duid) {
    public Disk {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duid, "duid");
    }
  }

  /**
   * A softraid volume as bioctl(8) lists it: its sd device ({@code sd2}), status ({@code Online}), level as
   * bioctl names it ({@code CRYPTO}, {@code RAID1}, {@code RAID1C}), its data chunks in order ({@code sd1a}),
   * and a CRYPTO volume's key disk, which holds no data.
   */
  public record SoftraidVolume(
      String device, String status, String level, List<String> chunks, Optional<String> keyDisk) {
    public SoftraidVolume {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(keyDisk, "keyDisk");
      chunks = List.copyOf(chunks);
    }
  }

  /** Every disk of hw.disknames in order; the value may carry a {@code hw.disknames=} prefix and a newline. */
  public static List<Disk> disknames(String source, String text) throws MountFormatException {
    limit(source, text);
    List<Disk> out = new ArrayList<>();
    String s = text.strip();
    int nul = s.indexOf('\0');
    if (nul >= 0) {
      s = s.substring(0, nul);
    }
    if (s.startsWith("hw.disknames=")) {
      s = s.substring("hw.disknames=".length());
    }
    if (s.isEmpty()) {
      return out;
    }
    for (String item : s.split(",", -1)) {
      Matcher m = DISKNAME.matcher(item);
      if (!m.matches()) {
        throw new MountFormatException(source, 1, "expected 'disk:duid' items in hw.disknames, got '" + item + "'");
      }
      out.add(new Disk(m.group(1), Optional.ofNullable(m.group(2))));
    }
    return out;
  }

  /** DUID to disk name from hw.disknames; disks without a DUID are left out. */
  public static Map<String, String> duids(String source, String disknames) throws MountFormatException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Disk d : disknames(source, disknames)) {
      d.duid().ifPresent(u -> out.put(u, d.name()));
    }
    return out;
  }

  /**
   * The softraid volumes and their chunks from bioctl(8) output ({@code -v} lines included). Hot spares and
   * unused disks belong to no volume: bioctl prints them with the controller's volume name where a chunk has
   * its disk number, so they match neither pattern. Other lines are skipped.
   */
  public static List<SoftraidVolume> bioctl(String source, String output) throws MountFormatException {
    limit(source, output);
    List<SoftraidVolume> out = new ArrayList<>();
    String[] volume = null;
    List<String> chunks = new ArrayList<>();
    Optional<String> keyDisk = Optional.empty();
    for (String line : output.split("\n", -1)) {
      if (line.length() > MAX_LINE) {
        continue; // no bioctl line is that long; and the patterns need not meet adversarial lengths
      }
      Matcher v = VOLUME.matcher(line);
      Matcher c = CHUNK.matcher(line);
      if (v.matches()) {
        if (volume != null) {
          out.add(new SoftraidVolume(volume[0], volume[1], volume[2], chunks, keyDisk));
        }
        volume = new String[] {v.group(2), v.group(1), v.group(3)};
        chunks = new ArrayList<>();
        keyDisk = Optional.empty();
      } else if (c.matches() && volume != null) {
        if (c.group(3).equals("key disk")) {
          keyDisk = Optional.of(c.group(4));
        } else {
          chunks.add(c.group(4));
        }
      }
    }
    if (volume != null) {
      out.add(new SoftraidVolume(volume[0], volume[1], volume[2], chunks, keyDisk));
    }
    return out;
  }

  /**
   * For every sd(4) disk, whether its last attach line in {@code dmesg} ends in "readonly": sd(4) sets that
   * flag from the MODE SENSE write-protect bit when the disk attaches, and refuses write opens while it is set.
   * A disk that detached after its last attach line is left out; keys are in order of first appearance.
   */
  public static Map<String, Boolean> attachReadOnly(String source, String dmesg) throws MountFormatException {
    limit(source, dmesg);
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String line : dmesg.split("\n", -1)) {
      String l = line.strip();
      Matcher a = ATTACH.matcher(l);
      if (a.matches()) {
        out.put(a.group(1), a.group(3) != null);
        continue;
      }
      Matcher d = DETACH.matcher(l);
      if (d.matches()) {
        out.remove(d.group(1));
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
