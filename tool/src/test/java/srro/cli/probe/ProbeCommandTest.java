package srro.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import srro.cli.CliRun;
import srro.cli.Io;
import srro.cli.JsonContract;
import srro.cli.Main;
import srro.os.Host;
import srro.os.OsCallException;
import srro.probe.CannedDevice;
import srro.probe.Probe;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.ScsiDevice;

class ProbeCommandTest {
  private static final ReadOnlyFlag KERNEL_RO = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_ONLY, "1");
  private static final ReadOnlyFlag KERNEL_RW = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_WRITE, "0");

  private static ScsiDevice protectedDisk(String path) {
    return new CannedDevice(path, new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(0x80)), List.of(
            new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, "EROFS"), KERNEL_RO));
  }

  /** How the test's machine opens a device. */
  private interface Devices {
    ScsiDevice open(String path) throws OsCallException, IOException;
  }

  /** Runs srro on a Linux machine whose devices are {@code devices}. */
  private static CliRun run(Devices devices, String... args) {
    return CliRun.on(new Host.Other(Host.Os.LINUX, "Linux", (path, access) -> devices.open(path)), args);
  }

  @Test
  void printsEveryLayerAndTheVerdict() {
    CliRun r = run(ProbeCommandTest::protectedDisk, "probe", "/dev/sda");
    assertEquals(0, r.status(), r.toString());
    assertEquals(String.join("\n",
        "/dev/sda: open read-only (read-write open failed: EROFS)",
        "/dev/sda: INQUIRY: QEMU QEMU HARDDISK 2.5+, direct access block device, SPC-3",
        "/dev/sda: MODE SENSE(6) page 0x3f: good, 255 bytes",
        "/dev/sda: MODE SENSE(6) page 0x0a: failed at the page layer (NO_PAGE): asked for mode page 0x0a, the reply"
            + " has no page",
        "/dev/sda: MODE SENSE(6) header: mode data length 3 (4 of 255 bytes received), medium type 0x00,"
            + " device-specific parameter WP=1 DPOFUA=0",
        "/dev/sda: control page: SWP unknown (MODE SENSE(6) page 0x0a: asked for mode page 0x0a, the reply has no"
            + " page)",
        "/dev/sda: os: open O_RDWR failed: EROFS, BLKROGET=1",
        "/dev/sda: write-protected: yes, by the WP bit and the OS (MODE SENSE(6) WP=1, open O_RDWR failed: EROFS,"
            + " BLKROGET=1)",
        ""), r.out());
    assertEquals("", r.err());
  }

  @Test
  void exitsOneWhenLayersDisagree() {
    CliRun r = run(path -> new CannedDevice(path, OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(0x80)), List.of(KERNEL_RW)), "probe", "/dev/sdb");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().endsWith("/dev/sdb: write-protected: layers disagree: read-only by the WP bit, writable by"
        + " the OS (MODE SENSE(6) WP=1, BLKROGET=0)\n"), r.out());
  }

  @Test
  void reportsTheControlPagesSwpBitAsItsOwnLayer() {
    CliRun r = run(path -> new CannedDevice(path, new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeWithControlPage6(0x00, 0x08)), List.of(KERNEL_RO)),
        "probe", "/dev/sdc");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("/dev/sdc: control page: SWP=1, the device refuses writes (MODE SENSE(6) control"
        + " page)\n"), r.out());
    assertTrue(r.out().endsWith("/dev/sdc: write-protected: layers disagree: read-only by the control page's SWP"
        + " bit and the OS, writable by the WP bit (MODE SENSE(6) WP=0, MODE SENSE(6) control page SWP=1,"
        + " BLKROGET=1)\n"), r.out());
  }

  @Test
  void jsonSaysWhichLayerProtects() {
    CliRun r = run(path -> new CannedDevice(path, new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeWithControlPage6(0x80, 0x08)), List.of(KERNEL_RO)),
        "probe", "--json", "/dev/sdc");
    assertEquals(0, r.status(), r.toString());
    JsonNode device = JsonContract.validate(r).get(0).at("/devices/0");
    assertTrue(device.get("software_write_protect").asBoolean(), device.toString());
    assertEquals("MODE SENSE(6) control page", device.get("software_write_protect_source").asText());
    assertEquals(List.of("wp_bit", "swp", "os"), texts(device.get("protected_by")));
    assertEquals(List.of(), texts(device.get("writable_by")));
  }

  @Test
  void writesJsonForEveryDevice() {
    CliRun r = run(ProbeCommandTest::protectedDisk, "probe", "--json", "/dev/sda", "/dev/sdb");
    assertEquals(0, r.status(), r.toString());
    List<JsonNode> docs = JsonContract.validate(r);
    assertEquals(1, docs.size(), r.out());
    JsonNode devices = docs.get(0).get("devices");
    assertEquals(2, devices.size(), r.out());
    for (int i = 0; i < 2; i++) {
      JsonNode d = devices.get(i);
      assertEquals(i == 0 ? "/dev/sda" : "/dev/sdb", d.get("device").asText());
      assertEquals("read-only (read-write open failed: EROFS)", d.get("open").asText());
      assertEquals(0, d.at("/inquiry/peripheral_device_type").asInt());
      assertTrue(d.get("write_protected").asBoolean(), d.toString());
      assertEquals("yes", d.get("verdict").asText());
      assertTrue(d.get("error").isNull(), d.toString());
    }
  }

  @Test
  void aDeviceRefusingACommandExits1NamingTheLayerAndStillProbesTheOthers() {
    CliRun r = run(path -> path.equals("/dev/sg3")
        ? new CannedDevice(path, OpenMode.readWrite(), Map.of(CannedDevice.INQUIRY, CannedDevice.didError()),
            List.of())
        : protectedDisk(path), "probe", "/dev/sg3", "/dev/sda");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/sg3: INQUIRY failed at the host layer (DID_ERROR): host status DID_ERROR (0x07)\n",
        r.err());
    assertTrue(r.out().contains("/dev/sda: write-protected: yes"), r.out());
  }

  @Test
  void aFailedIoctlExits71() {
    CliRun r = run(path -> new CannedDevice(path, OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.errno(25, "ENOTTY")), List.of()), "probe", "--json", "/dev/null");
    assertEquals(71, r.status(), r.toString());
    assertEquals("srro: /dev/null: INQUIRY: the pass-through ioctl failed (ENOTTY)\n", r.err());
    List<JsonNode> docs = JsonContract.validate(r);
    assertEquals(1, docs.size(), "the failure is in the probe document, not a second one");
    JsonNode error = docs.get(0).at("/devices/0/error");
    assertEquals("oserr", error.get("kind").asText());
    assertEquals(71, error.get("exit_status").asInt());
    assertEquals("/dev/null: INQUIRY: the pass-through ioctl failed (ENOTTY)", error.get("message").asText());
  }

  @Test
  void aMissingDeviceExits66() {
    CliRun r = run(path -> {
      throw new NoSuchFileException(path);
    }, "probe", "/dev/nosuch");
    assertEquals(66, r.status(), r.toString());
    assertEquals("srro: /dev/nosuch: no such file or directory\n", r.err());
  }

  @Test
  void closesEveryDevice() {
    CannedDevice d = (CannedDevice) protectedDisk("/dev/sda");
    assertEquals(0, run(path -> d, "probe", "/dev/sda").status());
    assertTrue(d.closed);
  }

  @Test
  void rejectsAPageCodeOutOfRange() {
    CliRun r = run(ProbeCommandTest::protectedDisk, "probe", "--page", "0x40", "/dev/sda");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("srro: Invalid value for option '--page': '0x40' is not a mode page code"),
        r.err());
    assertEquals(2, run(ProbeCommandTest::protectedDisk, "probe", "--page", "page", "/dev/sda").status());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void needsADevice() {
    assertEquals(2, run(ProbeCommandTest::protectedDisk, "probe").status());
  }

  @Test
  void asksForTheGivenPage() {
    CannedDevice d = (CannedDevice) protectedDisk("/dev/sda");
    assertEquals(0, run(path -> d, "probe", "--page", "0", "/dev/sda").status());
    assertEquals(List.of("INQUIRY", "MODE SENSE(6) page 0x00", "MODE SENSE(6) page 0x0a"), d.sent);
  }
}
