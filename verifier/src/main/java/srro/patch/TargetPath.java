package srro.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a name from a diff header into a safe relative path: -pN stripping, then the containment rules. */
final class TargetPath {
  private TargetPath() {}

  /**
   * Strips {@code strip} leading components as patch -pN does (a leading '/' counts as one, runs of '/' are
   * one separator); empty when the name has too few.
   */
  static Optional<String> strip(String name, int strip) {
    String s = name;
    for (int i = 0; i < strip; i++) {
      int slash = s.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      s = s.substring(slash + 1);
      while (s.startsWith("/")) {
        s = s.substring(1);
      }
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Why {@code path} may not be a target (absolute, "..", control characters, srro's own files), or empty. */
  static Optional<String> refusal(String path) {
    if (path.startsWith("/")) {
      return Optional.of("absolute path " + printable(path) + " refused");
    }
    for (char c : path.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        return Optional.of("path " + printable(path) + " has control characters");
      }
    }
    for (String part : path.split("/", -1)) {
      if (part.equals("..")) {
        return Optional.of("path " + printable(path) + " contains '..'");
      }
      if (part.equals(Transaction.STATE_DIR)) {
        return Optional.of("path " + printable(path) + " is inside srro's state directory");
      }
    }
    return Optional.empty();
  }

  /** {@code path} without "." and empty components; an absolute path stays absolute (and is refused). */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return (path.startsWith("/") ? "/" : "") + String.join("/", parts);
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append('\'').toString();
  }
}
