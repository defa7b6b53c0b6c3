package srro.mounts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The output of {@code blkid -o export} (util-linux): one block per device, {@code KEY=value} lines, blocks
 * separated by a blank line, {@code DEVNAME} first; a value's spaces and other special bytes escaped with a
 * backslash. srro reads it where udev's /dev/disk/by-* links are missing (a container, an initramfs), to resolve
 * fstab's {@code UUID=}, {@code LABEL=}, {@code PARTUUID=} and {@code PARTLABEL=} the way mount(8) does.
 */
public final class BlkidExport {
  private BlkidExport() {}

  /** Largest listing read (a machine with hundreds of devices prints a few tens of KiB). */
  public static final int MAX_BYTES = 1 << 20;

  private static final Set<String> TAGS = Set.of("UUID", "LABEL", "PARTUUID", "PARTLABEL");

  /** Maps {@code TAG=value} (as fstab writes it) to the device's path; the first device of a tag wins. */
  public static Map<String, String> parse(String source, byte[] bytes) throws MountFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new MountFormatException(
          source, -1, "blkid output is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.indexOf('\0') >= 0) {
      throw new MountFormatException(source, -1, "NUL byte in blkid output, expected text");
    }
    Map<String, String> out = new LinkedHashMap<>();
    String device = null;
    Map<String, String> pending = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty()) {
        flush(device, pending, out);
        device = null;
        pending.clear();
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0) {
        throw new MountFormatException(source, i + 1, "expected KEY=value as blkid -o export prints");
      }
      String key = l.substring(0, eq);
      String value = unescape(l.substring(eq + 1));
      if (key.equals("DEVNAME")) {
        if (!value.startsWith("/")) {
          throw new MountFormatException(source, i + 1, "expected DEVNAME to be an absolute path");
        }
        flush(device, pending, out);
        pending.clear();
        device = value;
      } else if (TAGS.contains(key)) {
        pending.put(key + "=" + value, "");
      }
    }
    flush(device, pending, out);
    return out;
  }

  private static void flush(String device, Map<String, String> pending, Map<String, String> out) {
    if (device != null) {
      for (String tag : pending.keySet()) {
        out.putIfAbsent(tag, device);
      }
    }
  }

  /** blkid's export escaping: a backslash makes the next byte literal. */
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        sb.append(s.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
