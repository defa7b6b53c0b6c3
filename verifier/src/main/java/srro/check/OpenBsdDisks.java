package srro.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for what OpenBSD's tools print about disks, used when native access (getfsstat(2), the bio(4)
 * ioctls) is not available: {@code sysctl -n hw.disknames} ({@code sd0:3eb7f9da875cb9ee,sd1:,cd0:}) and
 * {@code bioctl softraid0} (a volume line per softraid volume, then one indented line per chunk).
 */
public final class OpenBsdDisks {
  private OpenBsdDisks() {}

  /** Largest tool output srro reads. */
  public static final int MAX_CHARS = 1 << 20;

  private static final Pattern DISKNAME = Pattern.compile("([a-z]+[0-9]+):([0-9a-f]{16})?");
  private static final Pattern VOLUME =
      Pattern.compile("\\S+\\s+[0-9]+\\s+\\S+\\s+[0-9]+\\s+((?:sd|wd|vnd)[0-9]+)\\b.*");
  private static final Pattern CHUNK =
      Pattern.compile("\\s+[0-9]+\\s+\\S+\\s+[0-9]+\\s+((?:sd|wd|vnd)[0-9]+[a-p]?)\\b.*");

  /** A softraid volume and its chunks as bioctl(8) lists them ({@code sd2} from {@code sd1a}, ...). */
  public record SoftraidVolume(String device, List<String> chunks) {
    public SoftraidVolume {
      chunks = List.copyOf(chunks);
    }
  }

  /** Disk name to DUID (lower case) from hw.disknames; disks without a label have no DUID and are left out. */
  public static Map<String, String> duids(String source, String disknames) throws MountFormatException {
    limit(source, disknames);
    Map<String, String> out = new LinkedHashMap<>();
    String s = disknames.strip();
    if (s.startsWith("hw.disknames=")) {
      s = s.substring("hw.disknames=".length());
    }
    if (s.isEmpty()) {
      return out;
    }
    for (String item : s.split(",")) {
      Matcher m = DISKNAME.matcher(item);
      if (!m.matches()) {
        throw new MountFormatException(source, 1, "expected 'disk:duid' items in hw.disknames, got '" + item + "'");
      }
      if (m.group(2) != null) {
        out.put(m.group(2), m.group(1));
      }
    }
    return out;
  }

  /** The softraid volumes and their chunks from bioctl(8) output; unrecognised lines are skipped. */
  public static List<SoftraidVolume> bioctl(String source, String output) throws MountFormatException {
    limit(source, output);
    List<SoftraidVolume> out = new ArrayList<>();
    String volume = null;
    List<String> chunks = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher v = VOLUME.matcher(line);
      Matcher c = CHUNK.matcher(line);
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && v.matches()) {
        if (volume != null) {
          out.add(new SoftraidVolume(volume, chunks));
        }
        volume = v.group(1);
        chunks = new ArrayList<>();
      } else if (volume != null && c.matches()) {
        chunks.add(c.group(1));
      }
    }
    if (volume != null) {
      out.add(new SoftraidVolume(volume, chunks));
    }
    return out;
  }

  private static void limit(String source, String s) throws MountFormatException {
    if (s.length() > MAX_CHARS) {
      throw new MountFormatException(source, -1, "output is longer than " + MAX_CHARS + " characters");
    }
  }
}
