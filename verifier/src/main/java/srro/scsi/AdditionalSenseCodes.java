package srro.scsi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * ASC/ASCQ text (SPC-4 §4.5.6, table 28) from the data file {@code asc-ascq.txt} beside this class. Codes the
 * table lacks are named by range: ASC 0x80..0xff and ASCQ 0x80..0xff are vendor specific, anything else is
 * reported as not in the table (reserved or newer than it).
 */
public final class AdditionalSenseCodes {
  private static final String RESOURCE = "asc-ascq.txt";
  private static final int ANY_VENDOR_QUALIFIER = -1;

  private AdditionalSenseCodes() {}

  private static final class Table {
    static final Map<Integer, String> TEXT = load();
  }

  /** The text for {@code asc}/{@code ascq}, e.g. "Invalid field in CDB" for 24h/00h. */
  public static String text(int asc, int ascq) {
    if (asc < 0 || asc > 0xff || ascq < 0 || ascq > 0xff) {
      throw new IllegalArgumentException("asc/ascq out of range: " + asc + "/" + ascq);
    }
    String exact = Table.TEXT.get(key(asc, ascq));
    if (exact != null) {
      return exact;
    }
    if (asc >= 0x80) {
      return "vendor specific";
    }
    if (ascq >= 0x80) {
      String range = Table.TEXT.get(key(asc, ANY_VENDOR_QUALIFIER));
      if (range != null) {
        return range.replace("{q}", String.format("0x%02x", ascq));
      }
      return "vendor specific qualification";
    }
    return "not in srro's table (reserved or newer)";
  }

  /** Whether the exact pair is in the table (ranges and vendor-specific names do not count). */
  static boolean known(int asc, int ascq) {
    return Table.TEXT.containsKey(key(asc, ascq));
  }

  private static int key(int asc, int ascq) {
    return (asc << 16) | (ascq & 0xffff);
  }

  private static Map<Integer, String> load() {
    Map<Integer, String> m = new HashMap<>();
    try (InputStream in = AdditionalSenseCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ", 3);
        if (f.length != 3 || f[0].length() != 2 || f[1].length() != 2) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": expected 'AA QQ text'");
        }
        int asc = Integer.parseInt(f[0], 16);
        int ascq = f[1].equals("NN") ? ANY_VENDOR_QUALIFIER : Integer.parseInt(f[1], 16);
        if (m.put(key(asc, ascq), f[2]) != null) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": duplicate entry");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}
