package srro.signify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The text framing every signify file shares (signify.c {@code parseb64file}): a line {@code untrusted
 * comment: TEXT}, a base64 line holding a fixed-size structure whose first two bytes are the algorithm "Ed",
 * each ended by a newline. Like signify, parsing stops at the first NUL byte, a {@code \r} before a newline
 * stays in the comment and is skipped as whitespace in the base64 line.
 *
 * @param comment the comment after {@code untrusted comment: }, untrusted by definition
 * @param payload the decoded structure, exactly the length asked for
 * @param length the number of bytes the two lines take, newlines included (the embedded message follows)
 */
record SignifyFile(String comment, byte[] payload, int length) {
  static final String COMMENT_HEADER = "untrusted comment: ";

  SignifyFile {
    Objects.requireNonNull(comment, "comment");
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Parses the framing at the start of {@code text[0, end)}.
   *
   * @param checkComment whether the comment is kept and so limited ("comment too long"), as signify does
   *     for signatures and secret keys but not public keys
   */
  static SignifyFile parse(String source, byte[] text, int end, int payloadLength, boolean checkComment)
      throws SignifyFormatException {
    int limit = end;
    for (int i = 0; i < end; i++) {
      if (text[i] == 0) {
        limit = i;
        break;
      }
    }
    int commentEnd = indexOf(text, (byte) '\n', 0, limit);
    byte[] header = COMMENT_HEADER.getBytes(StandardCharsets.US_ASCII);
    if (commentEnd <= header.length || !Arrays.equals(text, 0, header.length, header, 0, header.length)) {
      throw SignifyFormatException.inSignifyWords(
          source, -1, "invalid comment in " + source + "; must start with '" + COMMENT_HEADER + "'");
    }
    int commentLength = commentEnd - header.length;
    if (checkComment && commentLength > Limits.COMMENT_MAX_BYTES) {
      throw new SignifyFormatException(source, header.length, "comment too long");
    }
    String comment = new String(text, header.length, commentLength, StandardCharsets.UTF_8);
    int b64End = indexOf(text, (byte) '\n', commentEnd + 1, limit);
    if (b64End < 0) {
      throw SignifyFormatException.inSignifyWords(
          source, commentEnd + 1, "missing new line after base64 in " + source);
    }
    byte[] payload = Base64Line.decode(text, commentEnd + 1, b64End, payloadLength);
    if (payload == null) {
      throw SignifyFormatException.inSignifyWords(source, commentEnd + 1, "unable to parse " + source);
    }
    if (payload[0] != 'E' || payload[1] != 'd') {
      throw SignifyFormatException.inSignifyWords(source, commentEnd + 1, "unsupported file " + source);
    }
    return new SignifyFile(comment, payload, b64End + 1);
  }

  /** The two lines signify's {@code createheader} writes. */
  static byte[] encode(String comment, byte[] payload) {
    return (COMMENT_HEADER + comment + "\n" + Base64Line.encode(payload) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] a, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignifyFile f
        && comment.equals(f.comment)
        && Arrays.equals(payload, f.payload)
        && length == f.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(comment, Arrays.hashCode(payload), length);
  }

  @Override
  public String toString() {
    return "SignifyFile[comment=" + comment + ", " + payload.length + " bytes]";
  }
}
