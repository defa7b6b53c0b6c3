package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.FieldValue;
import srro.scsi.PageControl;
import srro.scsi.PeerProcess;
import srro.testing.Peer;

/**
 * Every mode page vector decoded by {@code sdparm --inhex=FILE [--six] --pdt=N --all -v} gives the same
 * fields with the same values as {@link DecodedModePage}, page by page, acronym by acronym.
 *
 * <p>Where they differ, and why:
 *
 * <ul>
 *   <li>sdparm prints a field of 8 or more bits whose bits are all set as -1 ("MAPF -1"); srro prints the
 *       number (65535). The test maps -1 to the field's all-ones value.
 *   <li>A reply shorter than its mode data length ({@code *-reply-cut}) is refused whole by sdparm ("response
 *       is too short"); srro decodes the fields that arrived and reports the rest as not received.
 *   <li>A page whose page length ends before the layout does ({@code *-short-page}: a device built to an older
 *       standard) is decoded by both up to the page length; sdparm says "skipping rest", srro reports the
 *       remaining fields as beyond the page length. Both stop at the same field.
 *   <li>sdparm bug: a field that starts inside the page but ends past its page length ({@code dac-short-page}:
 *       COMPR_A at bytes 4-7 of a 6-byte page; {@code ie-short-page}: INTT) is printed with a value made of
 *       the bytes present and zeros for the bytes that are not there ("INTT 1515847680" is 0x5a5a0000, and
 *       the reply ends after 0x5a 0x5a). sdparm checks only where a field starts against the page length. srro
 *       reports the field as beyond the page length; the test expects sdparm's zero-filled value for it.
 *   <li>sdparm decodes --inhex data as current values only; the {@code pc: changeable} vectors are checked
 *       against the golden files alone.
 *   <li>Pages srro has no layout for (0x03 format, 0x04 geometry, 0x19 protocol specific in the scsi_debug
 *       capture) are decoded by sdparm; srro keeps their bytes. They are skipped here.
 * </ul>
 */
class ModePagePeerTest {
  private static final Pattern PAGE =
      Pattern.compile("^(.*) \\[(0x[0-9a-f]+(?:,0x[0-9a-f]+)?)\\] mode page \\[PS=[01]\\]:$");
  private static final Pattern FIELD = Pattern.compile("^  ([A-Z0-9_.]+) +(-?[0-9]+)$");

  @TempDir Path tmp;

  static Stream<Vector> vectors() throws Exception {
    return Vector.all().filter(v -> v.pc() == PageControl.CURRENT && !v.expect().equals("rejected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givesTheSameFieldValuesAsSdparm(Vector v) throws Exception {
    Path prog = Peer.require("sdparm", "sdparm");
    List<String> cmd = new ArrayList<>(
        List.of(prog.toString(), "--inhex=" + PeerProcess.plainHex(tmp, v.name(), v.data())));
    if (v.format() == srro.scsi.ModeParameters.Format.SIX) {
      cmd.add("--six");
    }
    cmd.add("--pdt=" + v.type().orElseThrow().code());
    cmd.addAll(List.of("--all", "-v"));
    PeerProcess peer = PeerProcess.run(cmd);
    List<DecodedModePage> ours = v.decode();

    if (v.name().endsWith("-reply-cut")) {
      assertTrue(peer.output().contains("response is too short"), peer.output());
      assertTrue(ours.stream().anyMatch(p -> p.absentFields().stream()
          .anyMatch(f -> f.availability() == FieldValue.Availability.NOT_RECEIVED)));
      return;
    }
    assertEquals(0, peer.status(), peer.output());
    List<String> theirs = new ArrayList<>();
    String page = null;
    for (String line : peer.output().split("\n")) {
      Matcher p = PAGE.matcher(line);
      if (p.matches()) {
        page = p.group(2);
        continue;
      }
      Matcher f = FIELD.matcher(line);
      if (f.matches() && page != null && known(page, ours)) {
        theirs.add(page + " " + f.group(1) + "=" + f.group(2));
      }
    }
    List<String> mine = new ArrayList<>();
    for (DecodedModePage d : ours) {
      if (d.layout().isEmpty()) {
        continue;
      }
      for (FieldValue f : d.fields()) {
        if (!f.present() && f.field().byteOffset() < d.page().declaredLength()) {
          mine.add(code(d) + " " + f.field().acronym() + "=" + zeroFilled(f, d.page().bytes()));
        }
        if (f.present()) {
          boolean minusOne = f.field().bitWidth() >= 8 && f.value() == f.field().allOnes();
          mine.add(code(d) + " " + f.field().acronym() + "=" + (minusOne ? "-1" : Long.toUnsignedString(f.value())));
        }
      }
    }
    assertEquals(String.join("\n", mine), String.join("\n", theirs), v.name() + "\n" + peer.output());
  }

  /** What sdparm prints for a field that straddles the page end: the bytes present, then zeros. */
  private static long zeroFilled(FieldValue f, byte[] page) {
    long raw = 0;
    for (int i = 0; i < f.field().byteCount(); i++) {
      int at = f.field().byteOffset() + i;
      raw = (raw << 8) | (at < page.length ? page[at] & 0xff : 0);
    }
    int shift = f.field().byteCount() * 8 - (7 - f.field().startBit()) - f.field().bitWidth();
    return (raw >>> shift) & f.field().allOnes();
  }

  private static String code(DecodedModePage d) {
    return d.page().subpageFormat()
        ? String.format("0x%x,0x%x", d.page().pageCode(), d.page().subpageCode())
        : String.format("0x%x", d.page().pageCode());
  }

  private static boolean known(String page, List<DecodedModePage> ours) {
    return ours.stream().anyMatch(d -> d.layout().isPresent() && code(d).equals(page));
  }
}
