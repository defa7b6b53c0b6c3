package srro.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an fstab spec into the device path the volumes are named by. Linux: {@code UUID=}, {@code LABEL=},
 * {@code PARTUUID=}, {@code PARTLABEL=} through udev's {@code /dev/disk/by-*} symlinks (label characters udev
 * escapes, such as a space as {@code \x20}, are escaped the same way); paths through their symlinks
 * ({@code /dev/mapper/x} to {@code /dev/dm-0}). OpenBSD: a DUID {@code 3eb7f9da875cb9ee.a} through
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
      String value = spec.substring(eq + 1).replace(" ", "\\x20").replace("/", "\\x2f");
      return real(dev.resolve("disk").resolve(dir).resolve(value));
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

  private static Optional<String> real(Path p) {
    try {
      return Files.exists(p) ? Optional.of(p.toRealPath().toString()) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
