import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import srro.scsi.Field;
import srro.scsi.modepage.ModePageLayout;
import srro.scsi.modepage.ModePageLayouts;

/**
 * Writes the mode page test vectors under verifier/src/test/resources/srro/scsi/modepage/vectors: the real
 * MODE SENSE replies QemuScsiIT's guest captured (verifier/src/test/resources/srro/probe/*.replies), cut to
 * their declared length, and crafted ones for every layout srro knows (all ones, a counting pattern, a page
 * shorter than the layout, a reply cut off inside a page, a changeable mask). Run from the repository root
 * after `mvn -pl verifier compile`:
 *
 *   java -cp verifier/target/classes verifier/src/test/gen/ModePageVectors.java
 *
 * then run ModePageVectorsTest, and tool's srro.cli.decode.DecodeTextTest with -Dsrro.golden.update=true (it
 * rewrites tool/src/test/resources/srro/cli/decode/modepage/*.expected); read the diff. A vector is a data file: '# key: value' header lines, then hex bytes.
 */
public class ModePageVectors {
  static final Path OUT = Path.of("verifier/src/test/resources/srro/scsi/modepage/vectors");
  static final Path REPLIES = Path.of("verifier/src/test/resources/srro/probe");

  public static void main(String[] args) throws IOException {
    Files.createDirectories(OUT);
    for (String capture : List.of("qemu-readonly", "qemu-writable", "scsi_debug-wp1")) {
      captured(capture);
    }
    guest();
    for (ModePageLayout l : ModePageLayouts.all()) {
      String type = typeOf(l);
      int length = 0;
      for (Field f : l.fields()) {
        length = Math.max(length, f.end());
      }
      String n = l.abbreviation();
      write(n + "-all-ones", "every byte of the " + l.name() + " page after its header set", "decodes", "six",
          type, "current", six(page(l, length, i -> 0xff)));
      write(n + "-counting", "bytes of the " + l.name() + " page counting up, each field's offset shows",
          "decodes", "ten", type, "current", ten(page(l, length, i -> (i * 37 + 11) & 0xff)));
      int shortLength = Math.max(l.subpageCode() == 0 ? 3 : 5, length / 2);
      write(n + "-short-page", "a " + l.name() + " page from an older standard: page length covers half the fields",
          "absent", "six", type, "current", six(page(l, shortLength, i -> 0x5a)));
      write(n + "-changeable", "changeable mask of the " + l.name() + " page: only the first field byte changeable",
          "decodes", "six", type, "changeable", six(page(l, length, i -> i == 2 ? 0xff : 0)));
      byte[] cut = six(page(l, length, i -> 0xa5));
      byte[] truncated = java.util.Arrays.copyOf(cut, 4 + Math.max(3, length / 2));
      write(n + "-reply-cut", "reply ends inside the " + l.name() + " page (mode data length says more)",
          "absent", "six", type, "current", truncated);
    }
  }

  interface Pattern {
    int at(int i);
  }

  static String typeOf(ModePageLayout l) {
    return switch (l.abbreviation()) {
      case "dac", "dc", "mpa" -> "tape";
      case "cms" -> "cdrom";
      default -> "disk";
    };
  }

  /** The page with its header: page code, subpage and page length; bytes after the header from {@code p}. */
  static byte[] page(ModePageLayout l, int length, Pattern p) {
    byte[] b = new byte[length];
    int header = l.subpageCode() == 0 ? 2 : 4;
    b[0] = (byte) (l.pageCode() | (l.subpageCode() == 0 ? 0 : 0x40));
    if (header == 2) {
      b[1] = (byte) (length - 2);
    } else {
      b[1] = (byte) l.subpageCode();
      b[2] = (byte) ((length - 4) >> 8);
      b[3] = (byte) (length - 4);
    }
    for (int i = header; i < length; i++) {
      b[i] = (byte) p.at(i);
    }
    return b;
  }

  static byte[] six(byte[] page) {
    byte[] b = new byte[4 + page.length];
    b[0] = (byte) (b.length - 1);
    System.arraycopy(page, 0, b, 4, page.length);
    return b;
  }

  static byte[] ten(byte[] page) {
    byte[] b = new byte[8 + page.length];
    b[0] = (byte) ((b.length - 2) >> 8);
    b[1] = (byte) (b.length - 2);
    System.arraycopy(page, 0, b, 8, page.length);
    return b;
  }

  static void captured(String name) throws IOException {
    for (String line : Files.readAllLines(REPLIES.resolve(name + ".replies"))) {
      boolean six = line.startsWith("MODE_SENSE(6)_page_0x3f ");
      boolean ten = line.startsWith("MODE_SENSE(10)_page_0x3f ");
      if (!six && !ten) {
        continue;
      }
      String hex = line.substring(line.indexOf("data=") + 5).trim();
      byte[] data = new byte[hex.length() / 2];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      }
      int declared = six ? (data[0] & 0xff) + 1 : (((data[0] & 0xff) << 8) | (data[1] & 0xff)) + 2;
      byte[] reply = java.util.Arrays.copyOf(data, Math.min(declared, data.length));
      String type = "disk";
      write(name + (six ? "-mode6" : "-mode10"), "MODE SENSE(" + (six ? 6 : 10) + ") page 0x3f from " + name
          + " (QemuScsiIT guest, Debian 6.1 kernel), cut to its declared length", "decodes", six ? "six" : "ten",
          type, "current", reply);
    }
  }

  /** MODE SENSE replies with page control 1 (changeable) and 2 (default), and 0x3f/0xff, from the guest. */
  static void guest() throws IOException {
    Path captures = Path.of("verifier/src/test/resources/srro/scsi/captures/qemu-guest.txt");
    String[] pcs = {"current", "changeable", "default", "saved"};
    for (String line : Files.readAllLines(captures)) {
      String[] f = line.split(" ", 4);
      if (f.length < 4 || !f[0].equals("CAP") || !f[2].startsWith("mode") || f[2].endsWith("-pc0")) {
        continue;
      }
      byte[] data = hexBytes(f[3]);
      boolean six = f[2].startsWith("mode6");
      String pc = f[2].contains("-pc") ? pcs[f[2].charAt(f[2].length() - 1) - '0'] : "current";
      String what = f[2].endsWith("3fff") ? "page 0x3f subpage 0xff (every page and subpage)" : "page 0x3f";
      write(f[1] + "-" + f[2], "MODE SENSE(" + (six ? 6 : 10) + ") " + what + ", " + pc + " values, from " + f[1]
          + " (QEMU guest, sg_modes -r)", "decodes", six ? "six" : "ten", "disk", pc, data);
    }
  }

  static byte[] hexBytes(String s) {
    String[] t = s.trim().split(" ");
    byte[] b = new byte[t.length];
    for (int i = 0; i < t.length; i++) {
      b[i] = (byte) Integer.parseInt(t[i], 16);
    }
    return b;
  }

  static void write(String name, String comment, String expect, String format, String type, String pc, byte[] b)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + comment);
    lines.add("# expect: " + expect);
    lines.add("# format: " + format);
    lines.add("# type: " + type);
    lines.add("# pc: " + pc);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      sb.append(String.format("%02x", b[i] & 0xff)).append(i % 16 == 15 || i == b.length - 1 ? "\n" : " ");
    }
    Files.writeString(OUT.resolve(name + ".hex"), String.join("\n", lines) + "\n" + sb, StandardCharsets.UTF_8);
  }
}
