package srro.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.scsi.DeviceType;
import srro.scsi.ModeParameters;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * Each kit's sr_scsi_cmd() MODE SENSE answer, executed on the host (patches/harness/ms_*.c), judged here against
 * SPC-4 §6.11/§6.12 and §7.5: every page, page control, some subpages, DBD and LLBAA, allocation lengths 0..255
 * (and 256, 65535 for the 10-byte CDB), on a read-only and on a writable volume. A GOOD reply is checked by the
 * same release's VALID_MODE_HDR / VALID_MODE_HDR_BIG (compiled into the harness from its scsi_all.h) and decoded
 * by {@link ModeParameters}, the decoder behind {@code srro decode mode}: WP is set exactly on the read-only
 * volume. Then sd(4)'s own sd_get_parms() probes both volumes through the real scsi_do_mode_sense().
 */
class ModeSenseHarnessTest {
  private static final HexFormat HEX = HexFormat.of();

  /** What SPC asks of a device with no saved values, no pages and no block descriptors. */
  private record Expected(int error, byte[] data, int asc) {}

  private static Expected expected(byte[] cdb, int datalen, boolean readOnly) {
    boolean big = cdb[0] == 0x5a;
    if (cdb.length != (big ? 10 : 6)) {
      return new Expected(2, new byte[0], -1);
    }
    int page = cdb[2] & 0x3f;
    int pc = (cdb[2] >> 6) & 3;
    int subpage = cdb[3] & 0xff;
    int alloc = big ? (cdb[7] & 0xff) << 8 | cdb[8] & 0xff : cdb[4] & 0xff;
    if (pc == 3) {
      return new Expected(1, new byte[0], 0x39);
    }
    if (!(page == 0 && subpage == 0) && !(page == 0x3f && (subpage == 0 || subpage == 0xff))) {
      return new Expected(1, new byte[0], 0x24);
    }
    int wp = readOnly ? 0x80 : 0;
    byte[] header = big ? new byte[] {0, 6, 0, (byte) wp, 0, 0, 0, 0} : new byte[] {3, 0, (byte) wp, 0};
    return new Expected(0, Arrays.copyOf(header, Math.min(header.length, Math.min(alloc, datalen))), -1);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyModeSenseCdbGetsTheAnswerSpcAsksForAndNothingReachesTheConsole(KitTree k) throws Exception {
    List<String> lines = KitHarness.of(k).lines("mode_sense");
    int xfers = 0;
    for (String line : lines) {
      assertFalse(line.startsWith("console=") || line.startsWith("unstable") || line.startsWith("panic="),
          k + ": " + line);
      if (!line.startsWith("xfer ")) {
        continue;
      }
      xfers++;
      Map<String, String> f = KitHarness.fields(line);
      byte[] cdb = HEX.parseHex(f.get("cdb"));
      boolean ro = f.get("ro").equals("1");
      Expected e = expected(cdb, Integer.parseInt(f.get("datalen")), ro);
      assertEquals(e.error(), Integer.parseInt(f.get("error")), k + ": " + line);
      assertArrayEquals(e.data(), HEX.parseHex(f.get("data")), k + ": " + line);
      assertEquals(e.data().length, Integer.parseInt(f.get("sent")), k + ": " + line);
      if (e.error() == 1) {
        byte[] sense = HEX.parseHex(f.get("sense"));
        assertEquals(0x70, sense[0] & 0xff, k + ": current error, fixed format: " + line);
        assertEquals(0x05, sense[2] & 0x0f, k + ": ILLEGAL REQUEST: " + line);
        assertEquals(10, sense[7], k + ": additional sense length: " + line);
        assertEquals(e.asc(), sense[12] & 0xff, k + ": " + line);
        assertEquals(0, sense[13], k + ": " + line);
      }
    }
    // 2 volumes x 2 CDB sizes x (64 pages x 4 PC x 3 subpages x 2 DBD + 512 lengths + 14), + 3 + 3 (10-byte), + 1
    assertEquals(2 * (2 * (64 * 4 * 3 * 2 + 512 + 14) + 3 + 1), xfers, k.kit());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyWholeHeaderPassesTheReleasesValidModeHdrAndDecodesWithWpExactlyOnTheReadOnlyVolume(KitTree k)
      throws Exception {
    int checked = 0;
    for (String line : KitHarness.of(k).lines("mode_sense")) {
      if (!line.startsWith("xfer ")) {
        continue;
      }
      Map<String, String> f = KitHarness.fields(line);
      byte[] data = HEX.parseHex(f.get("data"));
      boolean big = f.get("cdb").startsWith("5a");
      if (!f.get("error").equals("0") || data.length < (big ? 8 : 4)) {
        continue;
      }
      checked++;
      assertEquals("1", f.get("valid"), k + ": VALID_MODE_HDR" + (big ? "_BIG" : "") + " refuses " + line);
      ModeParameters m = ModeParameters.parse(k.kit(), data,
          big ? ModeParameters.Format.TEN : ModeParameters.Format.SIX, Optional.of(DeviceType.DISK));
      assertEquals(Optional.of(f.get("ro").equals("1")), m.writeProtected(), k + ": " + line);
      assertEquals(List.of(), m.warnings(), k + ": " + line);
      assertEquals(List.of(), m.pages(), k + ": " + line);
      assertEquals(List.of(), m.blockDescriptors(), k + ": " + line);
    }
    assertTrue(checked > 1000, k + ": only " + checked + " whole headers");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void sdGetParmsMarksExactlyTheReadOnlyVolumeReadOnlyWithMode6AndOverAtapiWithMode10(KitTree k)
      throws Exception {
    int seen = 0;
    for (String line : KitHarness.of(k).lines("mode_sense")) {
      if (!line.startsWith("sd ")) {
        continue;
      }
      seen++;
      Map<String, String> f = KitHarness.fields(line);
      assertEquals(f.get("ro"), f.get("readonly"), k + ": " + line);
      String first = f.get("cdbs").split(",")[0];
      // scsi_do_mode_sense asks for page 0, current values, a whole union scsi_mode_sense_buf (254 bytes).
      assertEquals(f.get("atapi").equals("1") ? "5a00000000000000fe00" : "1a000000fe00", first, k + ": " + line);
    }
    assertEquals(4, seen, k.kit());
  }
}
