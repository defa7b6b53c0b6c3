package srro.cli.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;

class DecodeCommandTest {
  private static final Path GOLDEN = Path.of("..", "verifier", "src", "test", "resources", "srro", "scsi", "golden");

  @TempDir Path tmp;

  private static String golden(String name) {
    return GOLDEN.resolve(name).toString();
  }

  private static String expected(String name) throws Exception {
    return Files.readString(GOLDEN.resolve(name + ".expected"));
  }

  @Test
  void decodesModeDataAsTheGoldenFileSays() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-qemu-padded.hex"), "--six");
    assertEquals(0, r.status(), r.toString());
    assertEquals(expected("mode6-qemu-padded"), r.out());
  }

  @Test
  void infersTheHeaderKindWhenItCan() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode10-longlba.hex"));
    assertEquals(0, r.status(), r.toString());
    assertEquals(expected("mode10-longlba"), r.out());
  }

  @Test
  void decodesTapeDeviceSpecificByteWithType() throws Exception {
    CliRun r = CliRun.of("decode", "mode", "--inhex", golden("mode6-tape.hex"), "--type", "tape", "--six");
    assertEquals(expected("mode6-tape"), r.out());
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
  void decodesInquiryAndVpd() throws Exception {
    assertEquals(expected("inquiry-tape"),
        CliRun.of("decode", "inquiry", "--inhex", golden("inquiry-tape.hex")).out());
    assertEquals(expected("vpd-device-identification"),
        CliRun.of("decode", "inquiry", "--vpd", "--inhex", golden("vpd-device-identification.hex")).out());
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
}
