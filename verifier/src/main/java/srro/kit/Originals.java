package srro.kit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kit's ORIGINALS file: for every file the diffs touch, the SHA-256 and {@code $OpenBSD$} revision of that
 * file as released, so that a tree can be called pristine, modified, or patched before anything is applied.
 *
 * <p>Format, one entry per line, each line ending in a newline: {@code SHA256 (PATH) = HEX rev REVISION}; lines
 * starting with {@code #} are comments. An entry reads like OpenBSD sha256(1) output with the revision appended.
 * Parsing is exact: anything else, a duplicate path, or an input over {@link #MAX_BYTES} is rejected.
 */
public final class Originals {
  /** Largest ORIGINALS accepted; the 7.7 kit's is under 2 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern ENTRY =
      Pattern.compile("SHA256 \\(([^()\\s]{1,1024})\\) = ([0-9a-f]{64}) rev ([0-9.]{1,64})");

  private final Map<String, Original> byPath;

  private Originals(Map<String, Original> byPath) {
    this.byPath = byPath;
  }

  /** Parses {@code bytes}; {@code source} names the file in error messages. */
  public static Originals parse(String source, byte[] bytes) throws KitFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new KitFormatException(source, -1, source + ": longer than " + MAX_BYTES + " bytes");
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      throw new KitFormatException(source, -1, source + ": missing newline at end of file");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0 || bytes[i] == '\r' || bytes[i] == 0) {
        throw new KitFormatException(source, lineAt(bytes, i), source + ":" + lineAt(bytes, i)
            + ": expected ascii text with newline line ends");
      }
    }
    Map<String, Original> byPath = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1)) {
      lineNo++;
      if (line.startsWith("#")) {
        continue;
      }
      Matcher m = ENTRY.matcher(line);
      if (!m.matches()) {
        throw new KitFormatException(source, lineNo,
            source + ":" + lineNo + ": expected a comment or SHA256 (PATH) = HEX rev REVISION");
      }
      Original o;
      try {
        o = new Original(m.group(1), m.group(2), m.group(3));
      } catch (IllegalArgumentException e) {
        throw new KitFormatException(source, lineNo, source + ":" + lineNo + ": " + e.getMessage());
      }
      if (byPath.putIfAbsent(o.path(), o) != null) {
        throw new KitFormatException(source, lineNo, source + ":" + lineNo + ": " + o.path() + " listed twice");
      }
    }
    if (byPath.isEmpty()) {
      throw new KitFormatException(source, -1, source + ": no files listed");
    }
    return new Originals(byPath);
  }

  private static long lineAt(byte[] bytes, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Every entry, in file order. */
  public List<Original> entries() {
    return List.copyOf(byPath.values());
  }

  /** The entry for {@code path} (relative to /usr/src), if listed. */
  public Optional<Original> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The entries as ORIGINALS lines (comments are not kept); {@code parse(encode())} gives the same entries. */
  public byte[] encode() {
    StringBuilder b = new StringBuilder();
    for (Original o : byPath.values()) {
      b.append(o.encode()).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Originals other && entries().equals(other.entries());
  }

  @Override
  public int hashCode() {
    return entries().hashCode();
  }

  @Override
  public String toString() {
    return "Originals" + entries();
  }
}
