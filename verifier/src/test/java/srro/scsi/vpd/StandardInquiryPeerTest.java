package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Every standard INQUIRY vector decoded by {@code sg_inq --inhex=FILE -d} gives the same flags (sg_inq's
 * {@code NAME=value}, obsolete ones in brackets) and version descriptors as {@link StandardInquiry}.
 *
 * <p>Where they differ, and why:
 *
 * <ul>
 *   <li>sg_inq bug: with a 5-byte reply ({@code inquiry-header-only}) it prints every flag of bytes 5 to 7 as 0
 *       although the reply ends before them; srro reports them absent. The test expects sg_inq's zeros.
 *   <li>sg_inq names a version byte it does not know by its low bits (0x55 "[SPC-3]", 0xff "[SPC-5]", 0x11
 *       "[SCSI-1]"); SPC-4 table 142 reserves those codes, and srro says "0x55". Only the number is compared.
 *   <li>sg_inq bug: the name of 0x01e0 is printed "SCC-2 (no version claimed}", with a brace.
 *   <li>A version descriptor that names a revision (0x04c5, "SBC-3 T10/BSR INCITS 514 revision 36") is named
 *       by srro only by its standard ("SBC-3 (0x04c5)"); the test checks that sg_inq's name starts with it. A
 *       code in a standard's block that T10 never assigned (0x0126 in SPC's) is "unrecognised" to sg_inq and
 *       "SPC (0x0126)" to srro: srro names the block, not a revision.
 *   <li>sg_inq prints MultiP's neighbour VS (byte 6 bit 5) only when MultiP is 1, and never byte 7's VS.
 * </ul>
 */
class StandardInquiryPeerTest {
  private static final Pattern FLAG = Pattern.compile("\\[?(?:SPI: )?([A-Za-z0-9_]+)=(0x[0-9a-f]+|[0-9]+)\\]?");

  @TempDir Path tmp;

  static Stream<VpdVector> vectors() throws Exception {
    return VpdVector.all().filter(VpdVector::inquiry);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givesTheSameFlagsAndVersionDescriptorsAsSgInq(VpdVector v) throws Exception {
    Path prog = Peer.require("sg_inq", "sg3-utils");
    PeerProcess peer = PeerProcess.run(
        List.of(prog.toString(), "--inhex=" + PeerProcess.plainHex(tmp, v.name(), v.data()), "-d"));
    assertEquals(0, peer.status(), peer.output());
    StandardInquiry ours = StandardInquiry.parse(v.name(), v.data());

    String flagsText = peer.output().substring(0, peer.output().indexOf("length="));
    Map<String, Long> theirs = new LinkedHashMap<>();
    Matcher m = FLAG.matcher(flagsText);
    while (m.find()) {
      String name = m.group(1).equals("VS") ? "VS6" : m.group(1);
      theirs.put(name, Long.decode(m.group(2)));
    }
    Map<String, Long> mine = new LinkedHashMap<>();
    for (FieldValue f : ours.flags()) {
      String a = f.field().acronym();
      if (a.equals("VS7") || (a.equals("VS6") && !theirs.containsKey("VS6"))) {
        continue;
      }
      if (f.present()) {
        mine.put(a, f.value());
      } else if (v.name().equals("inquiry-header-only") && f.field().byteOffset() < 8) {
        mine.put(a, 0L); // sg_inq's zeros for bytes the reply does not have
      }
    }
    assertEquals(mine, theirs, v.name() + "\n" + peer.output());

    List<String> peerDescriptors = new ArrayList<>();
    int at = peer.output().indexOf("Version descriptors:");
    if (at >= 0) {
      for (String line : peer.output().substring(at).split("\n")) {
        if (line.startsWith("    ")) {
          peerDescriptors.add(line.strip().replace("claimed}", "claimed)"));
        }
      }
    } else {
      assertTrue(peer.output().contains("No version descriptors available"), peer.output());
    }
    assertEquals(ours.versionDescriptors().size(), peerDescriptors.size(), peer.output());
    for (int i = 0; i < peerDescriptors.size(); i++) {
      StandardInquiry.VersionDescriptor d = ours.versionDescriptors().get(i);
      String theirsText = peerDescriptors.get(i);
      String standard = VersionDescriptors.standard(d.code() & ~0x1f);
      if (standard == null) {
        assertEquals(String.format("[unrecognised version descriptor code: 0x%x]", d.code()), theirsText);
      } else if ((d.code() & 0x1f) == 0) {
        assertEquals(d.text(), theirsText);
      } else {
        assertTrue(theirsText.startsWith(standard + " ")
            || theirsText.equals(String.format("[unrecognised version descriptor code: 0x%x]", d.code())),
            theirsText + " vs " + d.text());
      }
    }
  }
}
