package srro.kit;

import java.util.regex.Pattern;

/**
 * One pristine file a kit's diffs expect: its path relative to /usr/src, the SHA-256 of the file as released
 * (lowercase hex), and the revision in its {@code $OpenBSD$} line (RCS form, "1.433").
 */
public record Original(String path, String sha256, String revision) {
  static final Pattern PATH = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*(/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)*");
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,5}(\\.[1-9][0-9]{0,5}){1,7}");
  static final int MAX_PATH = 1024;

  public Original {
    if (path.length() > MAX_PATH || !PATH.matcher(path).matches() || path.contains("/../")
        || path.startsWith("../") || path.endsWith("/..") || path.equals("..")) {
      throw new IllegalArgumentException("not a relative path inside the tree: " + path);
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not 64 lowercase hex digits: " + sha256);
    }
    if (!REVISION.matcher(revision).matches()) {
      throw new IllegalArgumentException("not an RCS revision: " + revision);
    }
  }

  /** The line as ORIGINALS holds it, without its newline. */
  String encode() {
    return "SHA256 (" + path + ") = " + sha256 + " rev " + revision;
  }
}
