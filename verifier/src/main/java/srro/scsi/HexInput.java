package srro.scsi;

import java.io.ByteArrayOutputStream;
import srro.scsi.transport.Command;

/**
 * Reads hex bytes as sg3_utils and sdparm accept them for {@code --inhex}: one or two hex digits per byte,
 * separated by whitespace or commas, {@code #} to the end of a line ignored. Also reads their dumps (and
 * {@code hexdump -C}'s): a line's first token is an offset when it has more than two digits or is followed by
 * three or more blanks; it must equal the number of bytes read so far, and after it a gap of three or more
 * blanks, or a token starting with {@code |}, ends the line (the ASCII column). Errors name line and column.
 */
public final class HexInput {
  /** Largest text accepted (a 64 KiB reply dumped with offsets and ASCII takes about 280 KiB). */
  public static final int MAX_TEXT_BYTES = 1 << 20;

  /** Largest decoded result: no reply srro decodes is longer than one transfer. */
  public static final int MAX_BYTES = Command.MAX_TRANSFER;

  private HexInput() {}

  /** The bytes written in {@code text} (read from {@code source}). */
  public static byte[] parse(String source, byte[] text) throws ScsiFormatException {
    if (text.length > MAX_TEXT_BYTES) {
      throw new ScsiFormatException(
          source, -1, "hex input is larger than " + MAX_TEXT_BYTES + " bytes (" + text.length + ")");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length; i++) {
      if (i == text.length || text[i] == '\n') {
        parseLine(source, text, start, i, line, out);
        line++;
        start = i + 1;
      }
    }
    if (out.size() == 0) {
      throw new ScsiFormatException(source, -1, "no hex bytes found");
    }
    return out.toByteArray();
  }

  private static void parseLine(String source, byte[] text, int from, int to, int line, ByteArrayOutputStream out)
      throws ScsiFormatException {
    int end = from;
    while (end < to && text[end] != '#') {
      end++;
    }
    boolean first = true;
    boolean offsetLine = false;
    int bytesOnLine = 0;
    int i = from;
    while (true) {
      int gapStart = i;
      while (i < end && separator(text[i])) {
        i++;
      }
      if (i >= end) {
        return;
      }
      int gap = i - gapStart;
      if (offsetLine && bytesOnLine > 0 && (gap >= 3 || text[i] == '|')) {
        return;
      }
      int tokenStart = i;
      while (i < end && !separator(text[i])) {
        i++;
      }
      int column = tokenStart - from + 1;
      String token = new String(text, tokenStart, i - tokenStart, java.nio.charset.StandardCharsets.ISO_8859_1);
      int after = i;
      while (after < end && (text[after] == ' ' || text[after] == '\t')) {
        after++;
      }
      if (first && hexDigits(token) && (token.length() > 2 || (after - i >= 3 && after < end))) {
        long offset = token.length() > 15 ? -1 : Long.parseLong(token, 16);
        if (offset != out.size()) {
          throw new ScsiFormatException(
              source,
              -1,
              "line " + line + ", column " + column + ": offset " + shown(token) + " does not match the "
                  + out.size() + " bytes read so far");
        }
        offsetLine = true;
      } else {
        if (token.length() > 2 || !hexDigits(token)) {
          throw new ScsiFormatException(
              source,
              -1,
              "line " + line + ", column " + column + ": expected a hex byte (1 or 2 hex digits), got '"
                  + shown(token) + "'");
        }
        if (out.size() >= MAX_BYTES) {
          throw new ScsiFormatException(
              source, -1, "line " + line + ", column " + column + ": more than " + MAX_BYTES + " bytes");
        }
        out.write(Integer.parseInt(token, 16));
        bytesOnLine++;
      }
      first = false;
    }
  }

  private static boolean separator(byte b) {
    return b == ' ' || b == '\t' || b == ',' || b == '\r';
  }

  private static boolean hexDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The token for a message: printable ASCII only, at most 16 characters. */
  private static String shown(String token) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < token.length() && k < 16; k++) {
      char c = token.charAt(k);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return token.length() > 16 ? sb + "..." : sb.toString();
  }
}
