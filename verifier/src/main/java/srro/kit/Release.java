package srro.kit;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenBSD release a source tree is, from {@code sys/conf/newvers.sh}: its {@code osr="7.7"} line and the
 * {@code STATUS} that the kernel build stamps into the version string after it ({@code ""} for a release,
 * {@code "-stable"}, {@code "-beta"} before a release, {@code "-current"} after one). newvers.sh writes
 * {@code vers.c} from a here-document in which the first {@code #define STATUS} line is the one in effect; the
 * others sit in an {@code #if 0} block.
 *
 * @param osr the release number, "7.7"
 * @param status "", "-stable", "-beta", "-current" (or whatever the tree says; {@link ReleaseGuard} judges)
 */
public record Release(String osr, String status) {
  /** newvers.sh is about 3 KiB; anything far larger is not it. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern OSR = Pattern.compile("(?m)^osr=\"([0-9]{1,3}\\.[0-9]{1,3})\"$");
  private static final Pattern STATUS = Pattern.compile("(?m)^#define STATUS \"([^\"\n]{0,64})\"");

  public Release {
    if (!osr.matches("[0-9]{1,3}\\.[0-9]{1,3}")) {
      throw new IllegalArgumentException("release must look like 7.7: " + osr);
    }
    if (!status.matches("(-[a-z]{1,16})?")) {
      throw new IllegalArgumentException("status must be empty or like -beta: " + status);
    }
  }

  /** Finds the {@code osr="X.Y"} line and the first {@code #define STATUS "..."} line of newvers.sh. */
  public static Release parse(String source, byte[] newvers) throws KitFormatException {
    if (newvers.length > MAX_BYTES) {
      throw new KitFormatException(source, -1, source + ": longer than " + MAX_BYTES + " bytes, not newvers.sh");
    }
    String text = new String(newvers, StandardCharsets.ISO_8859_1);
    Matcher m = OSR.matcher(text);
    if (!m.find()) {
      throw new KitFormatException(source, -1, source + ": no osr=\"X.Y\" line, cannot tell the release");
    }
    String osr = m.group(1);
    Matcher s = STATUS.matcher(text);
    if (!s.find()) {
      throw new KitFormatException(source, -1,
          source + ": no #define STATUS \"...\" line, cannot tell a release from -current");
    }
    if (!s.group(1).matches("(-[a-z]{1,16})?")) {
      throw new KitFormatException(source, -1, source + ": STATUS \"" + s.group(1)
          + "\" is neither empty nor like \"-beta\"");
    }
    return new Release(osr, s.group(1));
  }

  /** As OpenBSD names it: "7.7", "8.0-beta", "7.9-current". */
  public String name() {
    return osr + status;
  }

  /** Whether this release number is {@code other}'s or a later one. */
  boolean atLeast(String other) {
    String[] a = osr.split("\\.");
    String[] b = other.split("\\.");
    int major = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
    return major > 0 || major == 0 && Integer.parseInt(a[1]) >= Integer.parseInt(b[1]);
  }

  @Override
  public String toString() {
    return name();
  }
}
