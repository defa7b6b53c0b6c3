package srro.cli.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.cli.JsonContract;

class DecodeCommandTest {
  private static final Path GOLDEN = Path.of("..", "verifier", "src", "test", "resources", "srro", "scsi", "golden");

  @TempDir Path tmp;

  private static String golden(String name) {
    return GOLDEN.resolve(name).toString();
  }

  private static String expected(String name) throws Exception {
    return Files.readString(DecodeTextTest.GOLDEN_TEXT.resolve(name + ".expected"));
  }

  private static final Path MODE_VECTORS =
      Path.of("..", "verifier", "src", "test", "resources", "srro", "scsi", "modepage", "vectors");
  private static final Path VPD_VECTORS =
      Path.of("..", "verifier", "src", "test", "resources", "srro", "scsi", "vpd", "vectors");

  @Test
  void decodesModeDataAsTheGoldenFileSaysThenThePageFields() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-qemu-padded.hex"), "--six");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith(expected("mode6-qemu-padded")), r.out());
    assertTrue(r.out().contains("page 0x08 caching [ca], current values:\n"), r.out());
    assertTrue(r.out().contains("\n  WCE        1      Write cache enable\n"), r.out());
  }

  @Test
  void printsEveryFieldOfARealCaptureAsTheVectorSays() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex",
        MODE_VECTORS.resolve("scsi_debug-wp1-mode6.hex").toString(), "--six");
    assertEquals(0, r.status(), r.toString());
    String pages = Files.readString(DecodeTextTest.MODE_TEXT.resolve("scsi_debug-wp1-mode6.expected"));
    assertTrue(r.out().endsWith(pages), r.out());
  }

  @Test
  void showsChangeableValuesAsAMask() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex",
        MODE_VECTORS.resolve("qemu-readonly-mode6-pc1.hex").toString(), "--six", "--pc", "changeable");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("page 0x08 caching [ca], changeable bits (1 = may be changed):\n"), r.out());
    CliRun j = CliRun.of("decode", "mode", "--inhex",
        MODE_VECTORS.resolve("qemu-readonly-mode6-pc1.hex").toString(), "--six", "--pc", "changeable", "--json");
    JsonNode caching = page(j, "ca");
    assertEquals("caching", caching.get("name").asText());
    assertEquals("changeable", caching.get("page_control").asText());
    assertEquals(List.of("ic", "abpf", "cap", "disc", "size", "wce"), keys(caching.get("fields")).subList(0, 6));
    assertEquals(0, caching.at("/fields/ic").asInt());
    assertEquals(1, caching.at("/fields/wce").asInt());
  }

  @Test
  void aFieldPastThePageIsAbsentInTextAndJson() {
    Path v = MODE_VECTORS.resolve("coe-short-page.hex");
    CliRun r = CliRun.of("decode", "mode", "--inhex", v.toString(), "--six");
    assertTrue(r.out().contains("  MSDL       absent (beyond the page length) Maximum sense data length\n"), r.out());
    CliRun j = CliRun.of("decode", "mode", "--inhex", v.toString(), "--six", "--json");
    JsonNode absent = null;
    for (JsonNode p : JsonContract.validate(j).get(0).get("pages")) {
      absent = p.path("absent_fields").has("init_pr") ? p.get("absent_fields") : absent;
    }
    assertEquals(List.of("init_pr", "msdl"), keys(absent).subList(0, 2), j.out());
    assertEquals("beyond_page", absent.get("init_pr").asText());
    assertEquals("beyond_page", absent.get("msdl").asText());
  }

  @Test
  void modeJsonNamesFieldsBySdparmsAcronymsInLowerCase() {
    CliRun r = CliRun.of("decode", "mode", "--inhex", MODE_VECTORS.resolve("scsi_debug-wp1-mode6.hex").toString(),
        "--six", "--json");
    JsonNode control = page(r, "co");
    assertEquals("control", control.get("name").asText());
    assertEquals("current", control.get("page_control").asText());
    assertEquals("tst", keys(control.get("fields")).get(0));
    assertEquals(0, control.at("/fields/tst").asInt());
    assertEquals(0, control.at("/fields/swp").asInt());
    assertEquals(0, control.at("/fields/d_sense").asInt());
  }

  @Test
  void infersTheHeaderKindWhenItCan() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode10-longlba.hex"));
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith(expected("mode10-longlba")), r.out());
  }

  @Test
  void decodesTapeDeviceSpecificByteWithType() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-tape.hex"), "--type", "tape", "--six");
    assertTrue(r.out().startsWith(expected("mode6-tape")), r.out());
    assertTrue(r.out().contains("page 0x0f data compression [dac], current values:\n"), r.out());
  }

  @Test
  void anUnknownPageControlIsAUsageError() {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-tape.hex"), "--six", "--pc", "later");
    assertEquals(2, r.status(), r.toString());
  }

  @Test
  void modeJsonCarriesWriteProtect() {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-disk-wp.hex"), "--six", "--json");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\"device_specific_parameter\":{\"raw\":144,\"write_protected\":true,\"dpofua\":true,"
        + "\"buffered_mode\":null,\"speed\":null}"), r.out());
    assertTrue(r.out().startsWith("{\"schema\":\"srro-decode-mode/1\",\"input\":\"" + golden("mode6-disk-wp.hex")
        + "\",\"format\":\"six\",\"mode_data_length\":31,"), r.out());
  }

  @Test
  void truncatedModeDataIsDecodedWithWarnings() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-truncated.hex"), "--six");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("warning: mode data length 31 declares 32 bytes, only 20 received"), r.out());
  }

  @Test
  void decodesSenseFromStandardInput() throws Exception {
    byte[] in = Files.readAllBytes(GOLDEN.resolve("sense-descriptor-information.hex"));
    CliRun r = CliRun.withInput(in, Map.of(), "decode", "sense", "--inhex", "-");
    assertEquals(0, r.status(), r.toString());
    assertEquals(expected("sense-descriptor-information"), r.out());
  }

  @Test
  void senseJson() {
    CliRun r = CliRun.of("decode", "sense", "--inhex", golden("sense-fixed-progress.hex"), "--json");
    assertTrue(r.out().contains("\"sense_key\":\"NOT READY\""), r.out());
    assertTrue(r.out().contains("\"percent\":25.00,"), r.out());
  }

  @Test
  void decodesRawBinary() throws Exception {
    Path bin = tmp.resolve("sense.bin");
    Files.write(bin, new byte[] {0x70, 0, 0x07, 0, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0x27, 0, 0, 0, 0, 0});
    CliRun r = CliRun.of("decode", "sense", "--inhex", bin.toString(), "--raw");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("additional sense: Write protected (asc 0x27, ascq 0x00)"), r.out());
  }

  @Test
  void decodesInquiryWithEveryFlagAndVersionDescriptor() throws Exception {
    CliRun r = CliRun.of("decode", "inquiry", "--inhex",
        VPD_VECTORS.resolve("scsi_debug-wp1-inquiry.hex").toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals(Files.readString(DecodeTextTest.VPD_TEXT.resolve("scsi_debug-wp1-inquiry.expected")), r.out());
    CliRun j = CliRun.of("decode", "inquiry", "--json", "--inhex",
        VPD_VECTORS.resolve("scsi_debug-wp1-inquiry.hex").toString());
    assertTrue(j.out().contains("\"hisup\":0,\"resp_data_format\":2,"), j.out());
    assertTrue(j.out().contains("\"version_descriptors\":[{\"code\":192,\"text\":\"SAM-6 (no version claimed)\"}"),
        j.out());
  }

  @Test
  void decodesEveryVpdPageAsItsVectorSays() throws Exception {
    for (String name : java.util.List.of("scsi_debug-wp1-vpd-00", "scsi_debug-wp1-vpd-83", "scsi_debug-wp1-vpd-86",
        "qemu-readonly-vpd-b0", "scsi_debug-wp1-vpd-b1", "vpd-b2-provisioning-group", "vpd-83-every-designator")) {
      CliRun r = CliRun.of("decode", "vpd", "--inhex", VPD_VECTORS.resolve(name + ".hex").toString());
      assertEquals(0, r.status(), r.toString());
      assertEquals(Files.readString(DecodeTextTest.VPD_TEXT.resolve(name + ".expected")), r.out(), name);
    }
    CliRun j = CliRun.of("decode", "vpd", "--json", "--inhex", VPD_VECTORS.resolve("qemu-readonly-vpd-b0.hex")
        .toString());
    assertTrue(j.out().contains("\"abbreviation\":\"bl\",\"name\":\"block limits\",\"fields\":{\"wsnz\":1,"),
        j.out());
  }

  @Test
  void decodesInquiryAndVpd() throws Exception {
    assertTrue(CliRun.of("decode", "inquiry", "--inhex", golden("inquiry-tape.hex")).out()
        .startsWith(expected("inquiry-tape")));
    assertEquals(expected("vpd-device-identification"),
        CliRun.of("decode", "inquiry", "--vpd", "--inhex", golden("vpd-device-identification.hex")).out());
    assertEquals(expected("vpd-device-identification"),
        CliRun.of("decode", "vpd", "--inhex", golden("vpd-device-identification.hex")).out());
    assertTrue(CliRun.of("decode", "inquiry", "--vpd", "--json", "--inhex", golden("vpd-unit-serial.hex")).out()
        .contains("\"unit_serial_number\":\"QM00002\""));
    assertTrue(CliRun.of("decode", "inquiry", "--json", "--inhex", golden("inquiry-qemu-disk.hex")).out()
        .contains("\"product\":\"QEMU HARDDISK\""));
  }

  @Test
  void badHexIsMalformedInputNamingLineAndColumn() {
    CliRun r = CliRun.withInput("70 00\n05 zz\n".getBytes(StandardCharsets.US_ASCII), Map.of(),
        "decode", "sense", "--inhex", "-");
    assertEquals(65, r.status(), r.toString());
    assertEquals("srro: stdin: line 2, column 4: expected a hex byte (1 or 2 hex digits), got 'zz'\n", r.err());
  }

  @Test
  void notSenseDataIsMalformed() {
    CliRun r = CliRun.withInput("12 00 00".getBytes(StandardCharsets.US_ASCII), Map.of(),
        "decode", "sense", "--inhex", "-");
    assertEquals(65, r.status());
    assertEquals(
        "srro: stdin at offset 0: response code 0x12 is not sense data (expected 0x70..0x73)\n", r.err());
  }

  @Test
  void emptyRawInputIsMalformed() throws Exception {
    Path bin = tmp.resolve("empty.bin");
    Files.write(bin, new byte[0]);
    CliRun r = CliRun.of("decode", "sense", "--inhex", bin.toString(), "--raw");
    assertEquals(65, r.status());
    assertEquals("srro: " + bin + ": no bytes to decode\n", r.err());
  }

  @Test
  void oversizedInputIsRejectedBeforeDecoding() throws Exception {
    Path bin = tmp.resolve("big.bin");
    Files.write(bin, new byte[65537]);
    CliRun r = CliRun.of("decode", "mode", "--inhex", bin.toString(), "--raw", "--ten");
    assertEquals(65, r.status());
    assertEquals("srro: " + bin + ": binary input is longer than 65536 bytes\n", r.err());
    Path hex = tmp.resolve("big.hex");
    Files.write(hex, new byte[(1 << 20) + 1]);
    CliRun h = CliRun.of("decode", "mode", "--inhex", hex.toString(), "--ten");
    assertEquals("srro: " + hex + ": hex input is larger than 1048576 bytes\n", h.err());
  }

  @Test
  void missingFileIsCannotOpen() {
    CliRun r = CliRun.of("decode", "inquiry", "--inhex", tmp.resolve("nope.hex").toString());
    assertEquals(66, r.status());
  }

  @Test
  void headerTooShortIsMalformed() {
    CliRun r = CliRun.withInput("03 00".getBytes(StandardCharsets.US_ASCII), Map.of(),
        "decode", "mode", "--inhex", "-", "--six");
    assertEquals(65, r.status());
    assertEquals(
        "srro: stdin at offset 2: mode parameter header needs 4 bytes (MODE SENSE(6)), only 2 received\n",
        r.err());
  }

  @Test
  void ambiguousHeaderIsAUsageError() {
    CliRun r = CliRun.withInput("00 00 00 00 00 00 00 00".getBytes(StandardCharsets.US_ASCII), Map.of(),
        "decode", "mode", "--inhex", "-");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(
        "srro: stdin: cannot tell a MODE SENSE(6) reply from a (10) one; give --six or --ten\n"), r.err());
  }

  @Test
  void sixAndTenTogetherIsAUsageError() {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-tape.hex"), "--six", "--ten");
    assertEquals(2, r.status());
  }

  @Test
  void inhexIsRequired() {
    assertEquals(2, CliRun.of("decode", "sense").status());
  }

  @Test
  void decodeAloneShowsUsage() {
    CliRun r = CliRun.of("decode");
    assertEquals(2, r.status());
    assertTrue(r.out().contains("mode"), r.out());
  }

  /** The --json document's mode page whose abbreviation is {@code abbreviation}, after schema validation. */
  private static JsonNode page(CliRun r, String abbreviation) {
    for (JsonNode p : JsonContract.validate(r).get(0).get("pages")) {
      if (p.get("abbreviation").asText().equals(abbreviation)) {
        return p;
      }
    }
    throw new AssertionError("no page " + abbreviation + " in " + r.out());
  }

  private static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
