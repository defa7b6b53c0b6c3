package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.kit.KitHarness.Reply;
import srro.scsi.DeviceType;
import srro.scsi.ModePage;
import srro.scsi.ModeParameters;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * Each kit's scsi(8) mode_edit() (patches/harness/sm.c) fed real MODE SENSE(6) replies from QEMU and
 * scsi_debug (see {@link KitHarness#replies()}): "scsi -m" prints the header as {@code srro decode mode}'s
 * decoder reads it and then exactly the page's bytes, all pages for 0x3f; with a scsi_modes entry the decoder
 * gets the same length; "scsi -e" edits the page's bytes only and refuses a page the device cut short.
 */
class ScsiModeHarnessTest {
  private static ModeParameters decode(Reply r) throws Exception {
    return ModeParameters.parse(r.name(), r.bytes(), ModeParameters.Format.SIX, Optional.of(DeviceType.DISK));
  }

  /** What scsi.c's mode_edit prints before the page: the four header fields. */
  private static String header(ModeParameters m) {
    int dsp = m.deviceSpecificParameter().raw();
    return "Mode Data Length:  " + m.modeDataLength() + "\n"
        + "Medium Type:  " + String.format("0x%02x", m.mediumType()) + "\n"
        + "Device-Specific Parameter:  " + String.format("0x%02x", dsp)
        + (m.writeProtected().orElseThrow() ? " (WP)" : "") + "\n"
        + "Block Descriptor Length:  " + m.blockDescriptorLength() + "\n";
  }

  /** scsi.c's dump: "%02x" then a newline after every 8th byte, else a space; a newline at the end. */
  private static String dump(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      s.append(String.format("%02x", b[i] & 0xff)).append((i + 1) % 8 == 0 ? '\n' : ' ');
    }
    return s.append('\n').toString();
  }

  /** The bytes scsi -m must show: the page's parameters, or every page with its header for 0x3f. */
  private static byte[] shown(Reply r, ModeParameters m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ModePage p : m.pages()) {
      byte[] b = p.bytes();
      if (r.page() == 0x3f) {
        out.writeBytes(b);
      } else {
        out.write(b, 2, b.length - 2);
        break;
      }
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void scsiMPrintsTheHeaderAsDecodeModeReadsItAndExactlyThePageBytes(KitTree k) throws Exception {
    KitHarness.Result h = KitHarness.of(k);
    assertTrue(h.replies().size() > 10, k + ": " + h.replies().size() + " replies");
    for (Reply r : h.replies()) {
      ModeParameters m = decode(r);
      byte[] shown = shown(r, m);
      String where = k + ": " + r.name() + " page " + r.page();
      if (m.pages().isEmpty()) {
        // No page after the header (softraid's answer): the header alone, nothing to decode.
        assertEquals(header(m) + "exit=0\n", h.scsiMode(r, 'm'), where);
        assertEquals(header(m) + "exit=0\n", h.scsiMode(r, 'f'), where);
        continue;
      }
      assertEquals(header(m) + dump(shown) + "exit=0\n", h.scsiMode(r, 'm'), where);
      int offset = 4 + m.blockDescriptorLength() + (r.page() == 0x3f ? 0 : 2);
      assertEquals(header(m) + "decode len=" + shown.length + " off=" + offset + "\nexit=0\n",
          h.scsiMode(r, 'f'), where);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void scsiEEditsThePageLengthBytesAndRefusesAPageCutShortOrMissing(KitTree k) throws Exception {
    KitHarness.Result h = KitHarness.of(k);
    int edited = 0;
    int refused = 0;
    for (Reply r : h.replies()) {
      if (r.page() == 0x3f) {
        continue;
      }
      ModeParameters m = decode(r);
      String where = k + ": " + r.name() + " page " + r.page();
      if (m.pages().isEmpty()) {
        assertEquals("scsi_mode: no page " + r.page() + " in the mode sense data\nexit=1\n", h.scsiMode(r, 'e'),
            where);
        continue;
      }
      ModePage p = m.pages().get(0);
      int offset = 4 + m.blockDescriptorLength() + 2;
      if (p.truncated()) {
        refused++;
        assertEquals(String.format("scsi_mode: page %d: %d of its %d bytes returned\nexit=1\n", r.page(),
            p.availableLength() - 2, p.pageLength()), h.scsiMode(r, 'e'), where);
        continue;
      }
      edited++;
      String visit = "len=" + p.pageLength() + " off=" + offset + "\n";
      assertEquals("decode " + visit + "decode " + visit + "decode " + visit + "encode " + visit
          + "select len=" + (4 + 2 + p.pageLength()) + "\nexit=0\n", h.scsiMode(r, 'e'), where);
    }
    assertTrue(edited > 5 && refused >= 2, k + ": edited " + edited + ", refused " + refused);
  }
}
