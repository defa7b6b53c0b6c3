package srro.kit;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenBSD release a source tree is, from {@code sys/conf/newvers.sh}, whose {@code osr="7.7"} line the
 * kernel build stamps into the version string. The kit is written for one release; applying it to another
 * is refused unless forced.
 */
public record Release(String version) {
  /** newvers.sh is about 3 KiB; anything far larger is not it. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern OSR = Pattern.compile("(?m)^osr=\"([0-9]+\\.[0-9]+)\"$");

  public Release {
    if (!version.matches("[0-9]+\\.[0-9]+")) {
      throw new IllegalArgumentException("release must look like 7.7: " + version);
    }
  }

  /** Finds the {@code osr="X.Y"} line of newvers.sh. */
  public static Release parse(String source, byte[] newvers) throws KitFormatException {
    if (newvers.length > MAX_BYTES) {
      throw new KitFormatException(source, -1, source + ": longer than " + MAX_BYTES + " bytes, not newvers.sh");
    }
    Matcher m = OSR.matcher(new String(newvers, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      throw new KitFormatException(source, -1, source + ": no osr=\"X.Y\" line, cannot tell the release");
    }
    return new Release(m.group(1));
  }
}
