package srro.tape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a golden byte file under {@code srro/tape/golden/}: hex byte pairs separated by white space, with
 * {@code #} starting a comment that runs to the end of the line. Anything else fails the test.
 */
public final class HexFile {
  private HexFile() {}

  public static byte[] read(String name) {
    String path = "/srro/tape/golden/" + name;
    try (InputStream in = HexFile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + path);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] parse(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : text.split("\n", -1)) {
      int hash = line.indexOf('#');
      String data = hash >= 0 ? line.substring(0, hash) : line;
      for (String tok : data.trim().split("\\s+")) {
        if (tok.isEmpty()) {
          continue;
        }
        if (!tok.matches("[0-9a-f]{2}")) {
          throw new IllegalArgumentException("not a hex byte: '" + tok + "' in line: " + line);
        }
        out.write(Integer.parseInt(tok, 16));
      }
    }
    return out.toByteArray();
  }
}
