package srro.signify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A signed checksum list as {@code signify -C} reads it (signify.c {@code verifychecksums}): lines
 * {@code ALGO (FILE) = HASH} in the form of OpenBSD's SHA256 files, HASH in hex or base64. Parsing follows the
 * {@code sscanf("%31s (%1023[^)]) = %223s")} signify uses and stops at the first empty line or NUL byte.
 *
 * @param lines the parsed lines in order
 */
public record ChecksumList(List<Line> lines) {
  static final int ALGORITHM_MAX = Limits.CHECKSUM_ALGORITHM_MAX_CHARS;
  static final int FILE_MAX = Limits.CHECKSUM_FILE_MAX_CHARS;
  static final int HASH_MAX = Limits.CHECKSUM_HASH_MAX_CHARS;

  public ChecksumList {
    lines = List.copyOf(lines);
  }

  /**
   * One line of the list.
   *
   * @param offset the byte offset of the line in the list, for messages
   */
  public record Line(String algorithm, String file, String hash, long offset) {
    public Line {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** Computes a file's digest; empty when the file cannot be read (it then FAILs, as in signify). */
  @FunctionalInterface
  public interface FileDigest {
    /**
     * @param algorithm a {@link java.security.MessageDigest} name: "SHA-256" or "SHA-512"
     */
    Optional<byte[]> digest(String algorithm, String file) throws IOException;
  }

  /**
   * The verdict: files that matched in the order checked (signify prints "FILE: OK"), and files that failed
   * or, when files were named, were not found in the list ("FILE: FAIL").
   */
  public record Report(List<String> ok, List<String> failed) {
    public Report {
      ok = List.copyOf(ok);
      failed = List.copyOf(failed);
    }

    public boolean passed() {
      return failed.isEmpty();
    }
  }

  /** Parses the verified message of a -C signature file. */
  public static ChecksumList parse(String source, EmbeddedSignature.Message message) throws SignifyFormatException {
    return parse(source, message.bytes, message.offset, message.offset + message.length);
  }

  /** Parses the embedded message of a -C signature file. */
  public static ChecksumList parse(String source, byte[] text, int from, int to) throws SignifyFormatException {
    List<Line> lines = new ArrayList<>();
    int end = from;
    while (end < to && text[end] != 0) {
      end++;
    }
    int pos = from;
    while (pos < end) {
      int nl = pos;
      while (nl < end && text[nl] != '\n') {
        nl++;
      }
      if (nl == pos) {
        break; // signify's loop stops at an empty line
      }
      String line = new String(text, pos, nl - pos, StandardCharsets.ISO_8859_1);
      lines.add(scan(source, line, pos - from));
      pos = nl + 1;
    }
    return new ChecksumList(lines);
  }

  private static Line scan(String source, String s, long offset) throws SignifyFormatException {
    int[] i = {0};
    String algorithm = token(s, i, ALGORITHM_MAX);
    skipSpace(s, i);
    String file = null;
    String hash = null;
    if (algorithm != null && literal(s, i, '(')) {
      int start = i[0];
      while (i[0] < s.length() && i[0] - start < FILE_MAX && s.charAt(i[0]) != ')') {
        i[0]++;
      }
      if (i[0] > start) {
        file = s.substring(start, i[0]);
        if (literal(s, i, ')')) {
          skipSpace(s, i);
          if (literal(s, i, '=')) {
            hash = token(s, i, HASH_MAX);
          }
        }
      }
    }
    if (hash == null) {
      throw new SignifyFormatException(source, offset, "unable to parse checksum line " + utf8(s));
    }
    return new Line(algorithm, utf8(file), hash, offset);
  }

  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private static boolean literal(String s, int[] i, char c) {
    if (i[0] < s.length() && s.charAt(i[0]) == c) {
      i[0]++;
      return true;
    }
    return false;
  }

  private static void skipSpace(String s, int[] i) {
    while (i[0] < s.length() && Base64Line.isSpace(s.charAt(i[0]))) {
      i[0]++;
    }
  }

  /** sscanf's %Ns: skip whitespace, then 1..N non-space characters, or null. */
  private static String token(String s, int[] i, int max) {
    skipSpace(s, i);
    int start = i[0];
    while (i[0] < s.length() && i[0] - start < max && !Base64Line.isSpace(s.charAt(i[0]))) {
      i[0]++;
    }
    return i[0] > start ? s.substring(start, i[0]) : null;
  }

  /**
   * Checks the files: every line when {@code files} is empty, else only the named files, each of which must
   * match some line.
   */
  public Report check(String source, List<String> files, FileDigest digest) throws SignifyFormatException, IOException {
    List<String> ok = new ArrayList<>();
    Set<String> pending = new LinkedHashSet<>(files);
    Set<String> failed = new LinkedHashSet<>();
    for (Line line : lines) {
      if (!files.isEmpty()) {
        if (pending.contains(line.file()) && matches(source, line, digest)) {
          pending.remove(line.file());
          ok.add(line.file());
        }
      } else if (matches(source, line, digest)) {
        ok.add(line.file());
      } else {
        failed.add(line.file());
      }
    }
    return new Report(ok, new ArrayList<>(files.isEmpty() ? failed : pending));
  }

  private static boolean matches(String source, Line line, FileDigest digest) throws SignifyFormatException, IOException {
    String javaName;
    int hexLength;
    switch (line.algorithm()) {
      case "SHA256" -> {
        javaName = "SHA-256";
        hexLength = 64;
      }
      case "SHA512" -> {
        javaName = "SHA-512";
        hexLength = 128;
      }
      default -> throw new SignifyFormatException(
          source, line.offset(), "can't handle algorithm " + line.algorithm());
    }
    String expected = line.hash();
    if (expected.length() != hexLength) {
      byte[] b = expected.getBytes(StandardCharsets.ISO_8859_1);
      byte[] raw = Base64Line.decodeAtMost(b, 0, b.length, (HASH_MAX + 1) / 2);
      if (raw == null) {
        throw new SignifyFormatException(source, line.offset(), "invalid base64 encoding");
      }
      expected = HexFormat.of().formatHex(raw);
    }
    Optional<byte[]> actual = digest.digest(javaName, line.file());
    return actual.isPresent() && expected.equals(HexFormat.of().formatHex(actual.get()));
  }
}
