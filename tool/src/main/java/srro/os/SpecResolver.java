package srro.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an fstab spec into the device path the volumes are named by. Linux: {@code UUID=}, {@code LABEL=},
 * {@code PARTUUID=}, {@code PARTLABEL=} through udev's {@code /dev/disk/by-*} symlinks, named as libblkid's
 * blkid_evaluate_tag looks them up (a space as {@code \x20}, a slash as {@code \x2f}: {@link #udevName});
 * paths through their symlinks ({@code /dev/mapper/x} to {@code /dev/dm-0}). OpenBSD: a DUID {@code 3eb7f9da875cb9ee.a} through
 * {@code hw.disknames} to {@code /dev/sd0a}.
 */
public final class SpecResolver implements Function<String, Optional<String>> {
  private final Path dev;
  private final Map<String, String> duids;

  /** {@code duids} maps a lower-case DUID to its disk name ({@code sd0}); empty on Linux. */
  public SpecResolver(Path devRoot, Map<String, String> duids) {
    this.dev = devRoot;
    this.duids = Map.copyOf(duids);
  }

  /** The {@code /dev/disk} directory udev keeps the links for each tag in ({@code UUID} to by-uuid). */
  private static String tagDirectory(String tag) {
    return switch (tag) {
      case "UUID" -> "by-uuid";
      case "LABEL" -> "by-label";
      case "PARTUUID" -> "by-partuuid";
      case "PARTLABEL" -> "by-partlabel";
      case "ID" -> "by-id";
      default -> null;
    };
  }

  /** True when {@code spec} names a device by a tag ({@code UUID=}, {@code LABEL=}, ...) this resolver knows. */
  public static boolean isTag(String spec) {
    int eq = spec.indexOf('=');
    return eq > 0 && !spec.startsWith("/") && tagDirectory(spec.substring(0, eq)) != null;
  }

  /** True when udev's by-uuid/by-label links exist, so tag specs can be resolved. */
  public boolean resolvesTags() {
    return Files.isDirectory(dev.resolve("disk"));
  }

  @Override
  public Optional<String> apply(String spec) {
    int eq = spec.indexOf('=');
    if (eq > 0 && !spec.startsWith("/")) {
      String dir = tagDirectory(spec.substring(0, eq));
      if (dir == null) {
        return Optional.empty();
      }
      try {
        return real(dev.resolve("disk").resolve(dir).resolve(udevName(spec.substring(eq + 1))));
      } catch (InvalidPathException e) {
        return Optional.empty(); // a name this JVM's file name encoding cannot spell: not answered
      }
    }
    if (spec.length() == 18 && spec.charAt(16) == '.') {
      String disk = duids.get(spec.substring(0, 16).toLowerCase(java.util.Locale.ROOT));
      return disk == null ? Optional.empty() : Optional.of(dev.resolve(disk + spec.charAt(17)).toString());
    }
    if (spec.startsWith("/")) {
      Optional<String> r = real(Path.of(spec));
      return r.isPresent() ? r : Optional.of(spec);
    }
    return Optional.empty();
  }

  /**
   * The name udev gives a tag's link: libblkid's {@code blkid_encode_string}, which udev's blkid builtin uses for
   * {@code ID_FS_LABEL_ENC} and friends and libblkid's {@code blkid_evaluate_tag} uses to find the link again.
   * {@code value} holds one byte per char (fstab is read as ISO-8859-1): a valid UTF-8 sequence of two or more
   * bytes is kept, ASCII letters, digits and {@code #+-.:=@_} are kept, every other byte (a backslash included)
   * becomes {@code \xHH} with lower-case hex digits. The result is returned decoded as UTF-8. (A char above 255
   * is taken as text, not a byte: its UTF-8 bytes are encoded.)
   */
  static String udevName(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xff) {
        value = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        break;
      }
    }
    byte[] out = new byte[value.length() * 4];
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      int len = utf8Sequence(value, i);
      if (len > 1) {
        for (int k = 0; k < len; k++) {
          out[n++] = (byte) value.charAt(i + k);
        }
        i += len - 1;
        continue;
      }
      char c = value.charAt(i);
      if (c < 0x80 && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
          || "#+-.:=@_".indexOf(c) >= 0)) {
        out[n++] = (byte) c;
      } else {
        out[n++] = '\\';
        out[n++] = 'x';
        out[n++] = (byte) HEX.charAt((c >> 4) & 0xf);
        out[n++] = (byte) HEX.charAt(c & 0xf);
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static final String HEX = "0123456789abcdef";

  /**
   * The length of the valid UTF-8 sequence of bytes (chars 0-255) at {@code i}, as libblkid's
   * {@code utf8_encoded_valid_unichar} judges it: the shortest form, at most U+10FFFF, no surrogate, no
   * U+FDD0-U+FDEF and no U+xFFFF; 1 for ASCII, -1 for anything else.
   */
  private static int utf8Sequence(String s, int i) {
    int c = s.charAt(i) & 0xff;
    int len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4
        : (c & 0xfc) == 0xf8 ? 5 : (c & 0xfe) == 0xfc ? 6 : 0;
    if (len <= 1) {
      return len == 1 ? 1 : -1;
    }
    if (i + len > s.length()) {
      return -1;
    }
    int u = c & (0xff >> (len + 1));
    for (int k = 1; k < len; k++) {
      int b = s.charAt(i + k);
      if (b > 0xff || (b & 0xc0) != 0x80) {
        return -1;
      }
      u = (u << 6) | (b & 0x3f);
    }
    int shortest = u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : u < 0x200000 ? 4 : u < 0x4000000 ? 5 : 6;
    boolean valid = u <= 0x10ffff && (u & 0xfffff800) != 0xd800 && !(u > 0xfdcf && u < 0xfdf0)
        && (u & 0xffff) != 0xffff;
    return shortest == len && valid ? len : -1;
  }

  private static Optional<String> real(Path p) {
    try {
      return Files.exists(p) ? Optional.of(p.toRealPath().toString()) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
