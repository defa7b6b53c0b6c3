package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.FieldValue;
import srro.scsi.PeerProcess;
import srro.testing.Peer;

/**
 * Every VPD vector decoded by {@code sg_vpd --inhex=FILE} (page 0x83 with {@code -p di_asis}, which keeps the
 * designators in page order) gives what {@link VpdPage} gives: the same supported pages, serial number,
 * designators (type, code set and value) and field values. sg_vpd prints fields as {@code NAME=value} or
 * {@code Sentence (ACRONYM): value}; a field is matched by acronym or by its description.
 *
 * <p>Where they differ, and why:
 *
 * <ul>
 *   <li>sg_vpd bug: page 0x86 is decoded to byte 19 whatever its page length; with a 12-byte page ({@code
 *       vpd-86-short-page}) the fields past it come out of the bytes that are not there, read as zeros. srro
 *       reports them beyond the page length; the test expects sg_vpd's zero-filled values.
 *   <li>sg_vpd bug: it does the same with a reply cut short inside page 0x86, and in page 0xb2 it dumps a
 *       provisioning group descriptor that runs past the page ({@code vpd-b2-all-ones}) with bytes from beyond
 *       the reply; srro reports the descriptor as truncated.
 *   <li>A page 0xb0 or 0xb1 with fewer than 16 or 12 bytes is refused whole by sg_vpd ("VPD page length too
 *       short") and decoded by srro as far as it goes, the rest absent.
 *   <li>sg_vpd prints the 64-bit maximum write same length in hex and the all-ones unmap counts as -1
 *       ("unbounded"); UGAVALID as true/false. The test reads those forms as numbers.
 *   <li>Page 0xb1's rotation rate, product type and form factor are printed by sg_vpd as sentences; the test
 *       checks the sentence for the numbers srro decodes.
 *   <li>Page 0xb1 of a tape ({@code vpd-b1-tape}) is SSC's manufacturer-assigned serial number, which sg_vpd
 *       decodes and srro keeps as bytes; only the page header is compared.
 * </ul>
 */
class VpdPagePeerTest {
  private static final Pattern TOKEN = Pattern.compile("\\[?([A-Z][A-Za-z0-9_]*)=(\\w+)\\]?");
  private static final Pattern LABEL_EQ = Pattern.compile("^  ([A-Z][A-Za-z _/-]*[a-z])=(\\w+)$");
  private static final Pattern SENTENCE =
      Pattern.compile("^  ([^:=\\[]+?)(?: \\(([A-Z][A-Z0-9_]*)\\))?: (-?\\w+)(?:\\s.*)?$");

  @TempDir Path tmp;

  static Stream<VpdVector> vectors() throws Exception {
    return VpdVector.all().filter(v -> !v.inquiry());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesAsSgVpdDoes(VpdVector v) throws Exception {
    Path prog = Peer.require("sg_vpd", "sg3-utils");
    VpdPage ours = VpdPage.parse(v.name(), v.data());
    List<String> cmd = new ArrayList<>(List.of(prog.toString(),
        "--inhex=" + PeerProcess.plainHex(tmp, v.name(), v.data())));
    if (ours.pageCode() == 0x83) {
      cmd.add("--page=di_asis");
    }
    PeerProcess peer = PeerProcess.run(cmd);
    String out = peer.output();
    if (ours.content() instanceof VpdPage.SupportedPages s) {
      long lines = out.lines().filter(l -> l.startsWith("  ")).count();
      assertEquals(s.pageCodes().size(), lines, out);
    } else if (ours.content() instanceof VpdPage.UnitSerialNumber s) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith("  Unit serial number: ")
          && l.substring(22).strip().equals(s.serialNumber())), out);
    } else if (ours.content() instanceof VpdPage.DeviceIdentification d) {
      designators(d.designators(), false, out);
    } else if (ours.content() instanceof VpdPage.Fields f) {
      if (out.contains("VPD page length too short")) {
        assertTrue(f.fields().stream().anyMatch(x -> !x.present()), out);
        return;
      }
      fields(f, ours, v.data(), out);
      designators(f.descriptors(), true, out);
    } else {
      assertTrue(out.contains("Manufacturer-assigned serial number"), out);
    }
  }

  private static void fields(VpdPage.Fields f, VpdPage page, byte[] data, String out) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      Matcher l = LABEL_EQ.matcher(line);
      if (l.matches()) {
        byName.put(l.group(1).toLowerCase(Locale.ROOT), l.group(2));
        continue;
      }
      Matcher t = TOKEN.matcher(line);
      boolean any = false;
      while (t.find()) {
        byName.put(t.group(1), t.group(2));
        any = true;
      }
      Matcher s = SENTENCE.matcher(line);
      if (!any && s.matches()) {
        byName.put(s.group(2) != null ? s.group(2) : s.group(1).toLowerCase(Locale.ROOT), s.group(3));
      }
    }
    List<String> mine = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (FieldValue v : f.fields()) {
      String a = v.field().acronym();
      String key = byName.containsKey(a) ? a : v.field().description().toLowerCase(Locale.ROOT);
      if (page.pageCode() == 0xb1 && a.matches("MEDIUM_ROTATION_RATE|PRODUCT_TYPE|NOMINAL_FORM_FACTOR")) {
        if (v.present()) {
          sentence(a, v.value(), out);
        }
        continue;
      }
      String peer = byName.get(key);
      long expected;
      if (v.present()) {
        expected = v.value();
      } else if (page.pageCode() == 0x86) {
        expected = zeroFilled(v, data, Math.min(page.declaredLength(), page.availableLength()));
      } else {
        continue;
      }
      mine.add(a + "=" + Long.toUnsignedString(expected));
      theirs.add(a + "=" + (peer == null ? "missing" : Long.toUnsignedString(number(peer, v.field().allOnes()))));
    }
    assertEquals(String.join("\n", mine), String.join("\n", theirs), out);
  }

  /** What sg_vpd prints for a field past the page: the bytes that are there, then zeros. */
  private static long zeroFilled(FieldValue f, byte[] data, int end) {
    long raw = 0;
    for (int i = 0; i < f.field().byteCount(); i++) {
      int at = f.field().byteOffset() + i;
      raw = (raw << 8) | (at < end ? data[at] & 0xff : 0);
    }
    int shift = f.field().byteCount() * 8 - (7 - f.field().startBit()) - f.field().bitWidth();
    return (raw >>> shift) & f.field().allOnes();
  }

  /** sg_vpd's value as a number: decimal, 0x hex, -1 for all ones, true/false. */
  private static long number(String s, long allOnes) {
    return switch (s) {
      case "true" -> 1;
      case "false" -> 0;
      case "-1" -> allOnes;
      default -> s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    };
  }

  private static void sentence(String acronym, long value, String out) {
    switch (acronym) {
      case "MEDIUM_ROTATION_RATE" -> assertTrue(
          value == 0 ? out.contains("Medium rotation rate is not reported")
              : value == 1 ? out.contains("Non-rotating medium")
              : value >= 0x401 && value <= 0xfffe ? out.contains("Nominal rotation rate: " + value + " rpm")
              : out.contains(String.format("Reserved [0x%x]", value)),
          acronym + "=" + value + "\n" + out);
      case "PRODUCT_TYPE" -> assertTrue(out.contains("Product type: "), out);
      default -> assertTrue(out.contains("Nominal form factor"), out);
    }
  }

  private static final Map<Integer, String> TYPES = Map.ofEntries(
      Map.entry(0, "vendor specific [0x0]"), Map.entry(1, "T10 vendor identification"),
      Map.entry(2, "EUI-64 based"), Map.entry(3, "NAA"), Map.entry(4, "Relative target port"),
      Map.entry(5, "Target port group"), Map.entry(6, "Logical unit group"),
      Map.entry(7, "MD5 logical unit identifier"), Map.entry(8, "SCSI name string"),
      Map.entry(9, "Protocol specific port identifier"), Map.entry(10, "UUID identifier"));

  /**
   * Compares designators block by block. A truncated one is left out for page 0x83 (sg_vpd reports an error
   * instead); in page 0xb2's provisioning group ({@code truncatedShown}) sg_vpd prints it, dumping bytes from
   * past the page, and only its presence is compared.
   */
  private static void designators(List<Designator> ours, boolean truncatedShown, String out) {
    List<String> blocks = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : out.split("\n")) {
      if (line.contains("designator type: ")) {
        if (cur != null) {
          blocks.add(cur.toString());
        }
        cur = new StringBuilder();
      }
      if (cur != null) {
        cur.append(line.strip()).append('\n');
      }
    }
    if (cur != null) {
      blocks.add(cur.toString());
    }
    List<Designator> whole = ours.stream().filter(d -> truncatedShown || !d.truncated()).toList();
    assertEquals(whole.size(), blocks.size(), out);
    for (int i = 0; i < whole.size(); i++) {
      Designator d = whole.get(i);
      String b = blocks.get(i);
      if (d.truncated()) {
        continue;
      }
      assertTrue(b.startsWith("designator type: " + TYPES.get(d.designatorType()) + ",  code set: "), b);
      assertTrue(b.toLowerCase(Locale.ROOT).contains("code set: " + d.codeSetText().toLowerCase(Locale.ROOT)), b);
      String value = switch (d.designatorType()) {
        case 2, 3 -> "0x" + srro.scsi.Hex.of(d.designator());
        case 4, 5, 6 -> ": 0x" + Integer.toHexString(Integer.parseInt(d.describe().replaceAll("\\D+", "")));
        case 7 -> srro.scsi.Hex.of(d.designator()).replaceAll("(..)", "$1 ").substring(0, 23);
        case 0xa -> d.describe();
        case 1 -> "vendor id: " + d.describe().replaceAll("^vendor (\\S+),.*", "$1");
        default -> d.describe().replaceAll("^USB device address (\\d+).*", "USB device address: 0x$1");
      };
      assertTrue(b.contains(value), "expected '" + value + "' in\n" + b);
    }
  }
}
