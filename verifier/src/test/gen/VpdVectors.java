import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the INQUIRY and VPD test vectors under verifier/src/test/resources/srro/scsi/vpd/vectors: the real
 * replies captured in the QEMU guest (verifier/src/test/resources/srro/scsi/captures/qemu-guest.txt) and
 * crafted ones: every flag set, counting patterns that show each field's offset, every designator type, pages
 * cut short by their page length or by the reply. Run from the repository root:
 *
 *   java verifier/src/test/gen/VpdVectors.java
 *
 * then VpdVectorsTest, and tool's srro.cli.decode.DecodeTextTest with -Dsrro.golden.update=true (it rewrites
 * tool/src/test/resources/srro/cli/decode/vpd/*.expected); read the diff.
 */
public class VpdVectors {
  static final Path OUT = Path.of("verifier/src/test/resources/srro/scsi/vpd/vectors");
  static final Path CAPTURES = Path.of("verifier/src/test/resources/srro/scsi/captures/qemu-guest.txt");

  public static void main(String[] args) throws IOException {
    Files.createDirectories(OUT);
    captured();
    // standard INQUIRY
    byte[] ones = inquiry(96, i -> 0xff);
    write("inquiry-all-ones", "standard INQUIRY, 96 bytes, every flag and field set", "decodes", "inquiry", ones);
    write("inquiry-counting", "standard INQUIRY, bytes counting up: each flag's offset shows", "decodes", "inquiry",
        inquiry(96, i -> (i * 37 + 11) & 0xff));
    byte[] vd = inquiry(74, i -> 0);
    int[] codes = {0x00c0, 0x0460, 0x04c5, 0x0600, 0x01e0, 0x1ec0, 0x0c20, 0x3fe0};
    for (int i = 0; i < codes.length; i++) {
      vd[58 + 2 * i] = (byte) (codes[i] >> 8);
      vd[59 + 2 * i] = (byte) codes[i];
    }
    write("inquiry-version-descriptors", "standard INQUIRY with eight version descriptors, one unknown, one SCC-2",
        "decodes", "inquiry", vd);
    write("inquiry-36-bytes", "standard INQUIRY of 36 bytes: no SPI byte, no version descriptors", "absent",
        "inquiry", inquiry(36, i -> 0x00));
    byte[] cut = java.util.Arrays.copyOf(inquiry(96, i -> 0x11), 50);
    write("inquiry-reply-cut", "standard INQUIRY whose additional length says 96 bytes, 50 received", "absent",
        "inquiry", cut);
    write("inquiry-header-only", "standard INQUIRY of 5 bytes: nothing after the additional length", "absent",
        "inquiry", new byte[] {0, 0, 6, 2, 0});
    // supported pages, serial number
    write("vpd-00-supported", "supported VPD pages of a disk", "decodes", "vpd",
        vpd(0x00, new byte[] {0x00, (byte) 0x80, (byte) 0x83, (byte) 0x86, (byte) 0xb0, (byte) 0xb1, (byte) 0xb2}));
    write("vpd-80-serial", "unit serial number with blanks around it", "decodes", "vpd",
        vpd(0x80, "  SRRO-0001 ".getBytes(StandardCharsets.US_ASCII)));
    write("vpd-83-every-designator", "device identification with one designator of every type", "decodes", "vpd",
        vpd(0x83, designators()));
    byte[] di = vpd(0x83, designators());
    write("vpd-83-reply-cut", "device identification cut off inside a designator", "decodes", "vpd",
        java.util.Arrays.copyOf(di, 30));
    // fixed-field pages
    for (int page : new int[] {0x86, 0xb0, 0xb1, 0xb2}) {
      String n = String.format("vpd-%02x", page);
      write(n + "-all-ones", String.format("VPD page 0x%02x of 64 bytes, every byte after the header set", page),
          "decodes", "vpd", fill(page, 64, i -> 0xff));
      write(n + "-counting", String.format("VPD page 0x%02x of 64 bytes counting up", page), "decodes", "vpd",
          fill(page, 64, i -> (i * 37 + 11) & 0xff));
      write(n + "-zeros", String.format("VPD page 0x%02x of 64 bytes, all zero", page), "decodes", "vpd",
          fill(page, 64, i -> 0));
      int shortLength = page == 0xb2 ? 6 : page == 0xb1 ? 10 : 16;
      write(n + "-short-page", String.format("VPD page 0x%02x whose page length covers %d bytes", page,
          shortLength - 4), "absent", "vpd", fill(page, shortLength, i -> 0x5a));
      byte[] p = fill(page, 64, i -> 0xa5);
      write(n + "-reply-cut", String.format("VPD page 0x%02x declaring 64 bytes, %d received", page, shortLength),
          "absent", "vpd", java.util.Arrays.copyOf(p, shortLength));
    }
    byte[] b2 = fill(0xb2, 8 + 4 + 16, i -> 0);
    b2[5] = (byte) 0xe1; // LBPU LBPWS LBPWS10 DP
    b2[6] = 0x02; // provisioning type 2: thin
    b2[8] = 0x01; b2[9] = 0x03; b2[11] = 16; b2[12] = 0x60; b2[13] = 0x01; b2[14] = 0x40; b2[15] = 0x5a;
    write("vpd-b2-provisioning-group", "logical block provisioning, thin, with a provisioning group descriptor",
        "decodes", "vpd", b2);
    byte[] tape = fill(0xb1, 16, i -> 'A' + (i % 26));
    tape[0] = 0x01;
    write("vpd-b1-tape", "page 0xb1 of a tape is its manufacturer-assigned serial number, not block characteristics",
        "decodes", "vpd", tape);
  }

  interface Pattern {
    int at(int i);
  }

  static byte[] inquiry(int length, Pattern p) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) p.at(i);
    }
    b[4] = (byte) (length - 5);
    if (p.at(2) == 0) {
      b[2] = 6; // SPC-4: sg_inq --inhex takes only data with a version and format 2 for standard INQUIRY
      b[3] = 2;
    }
    if (length >= 36) {
      System.arraycopy("SRRO    VECTOR          1.00".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 28);
    }
    return b;
  }

  static byte[] vpd(int page, byte[] body) {
    byte[] b = new byte[4 + body.length];
    b[1] = (byte) page;
    b[2] = (byte) (body.length >> 8);
    b[3] = (byte) body.length;
    System.arraycopy(body, 0, b, 4, body.length);
    return b;
  }

  static byte[] fill(int page, int length, Pattern p) {
    byte[] body = new byte[length - 4];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) p.at(i + 4);
    }
    return vpd(page, body);
  }

  static void designator(java.io.ByteArrayOutputStream out, int proto, int codeSet, boolean piv, int assoc,
      int type, byte[] d) {
    out.write((proto << 4) | codeSet);
    out.write((piv ? 0x80 : 0) | (assoc << 4) | type);
    out.write(0);
    out.write(d.length);
    out.writeBytes(d);
  }

  static byte[] hex(String s) {
    s = s.replace(" ", "").trim();
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  static byte[] designators() {
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    designator(o, 0, 2, false, 0, 0, "vendor-lu-id".getBytes(StandardCharsets.US_ASCII));
    designator(o, 0, 2, false, 0, 1, "SRRO    VECTOR-0001".getBytes(StandardCharsets.US_ASCII));
    designator(o, 0, 1, false, 0, 2, hex("0011223344556677"));
    designator(o, 0, 1, false, 0, 2, hex("0011223344556677 8899aabb"));
    designator(o, 0, 1, false, 0, 2, hex("0011223344556677 8899aabbccddeeff"));
    designator(o, 0, 1, false, 0, 3, hex("2000 0011 2233 4455"));
    designator(o, 0, 1, false, 0, 3, hex("3123 4567 89ab cdef"));
    designator(o, 0, 1, false, 0, 3, hex("5001 4050 0000 0001"));
    designator(o, 0, 1, false, 0, 3, hex("6001 4050 0000 0001 0011 2233 4455 6677"));
    designator(o, 6, 1, true, 1, 4, hex("0000 0002"));
    designator(o, 0, 1, false, 1, 5, hex("0000 0007"));
    designator(o, 0, 1, false, 0, 6, hex("0000 0009"));
    designator(o, 0, 1, false, 0, 7, hex("00112233445566778899aabbccddeeff"));
    designator(o, 5, 3, true, 2, 8, "iqn.2026-12.org.srro:vector\0".getBytes(StandardCharsets.UTF_8));
    designator(o, 9, 1, true, 1, 9, hex("0001 0200"));
    designator(o, 0, 1, false, 0, 0xa, hex("1000 00112233 4455 6677 8899 aabbccddeeff"));
    return o.toByteArray();
  }

  static void captured() throws IOException {
    if (!Files.exists(CAPTURES)) {
      return;
    }
    for (String line : Files.readAllLines(CAPTURES)) {
      String[] f = line.split(" ", 4);
      if (f.length < 4 || !f[0].equals("CAP") || !(f[2].equals("inquiry") || f[2].startsWith("vpd-"))) {
        continue;
      }
      byte[] b = hex(f[3].trim());
      if (b.length == 0) {
        continue;
      }
      String what = f[2].equals("inquiry") ? "standard INQUIRY" : "VPD page " + f[2].substring(4);
      write(f[1] + "-" + f[2].replace("0x", ""),
          what + " from " + f[1] + " (QEMU guest, Debian 6.1 kernel, sg3_utils --raw)",
          "decodes", f[2].equals("inquiry") ? "inquiry" : "vpd", b);
    }
  }

  static void write(String name, String comment, String expect, String decode, byte[] b) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + comment);
    lines.add("# expect: " + expect);
    lines.add("# decode: " + decode);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      sb.append(String.format("%02x", b[i] & 0xff)).append(i % 16 == 15 || i == b.length - 1 ? "\n" : " ");
    }
    Files.writeString(OUT.resolve(name + ".hex"), String.join("\n", lines) + "\n" + sb, StandardCharsets.UTF_8);
  }
}
