package srro.fstab;

/** The {@code \NNN} octal escapes of fstab(5) and /proc/self/mountinfo (proc(5)). */
public final class Octal {
  private Octal() {}

  /** Decodes every backslash followed by three octal digits (value ≤ 0377); other bytes stay as they are. */
  public static String decode(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && octal(s, i + 1)) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean octal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return s.charAt(from) <= '3';
  }
}
