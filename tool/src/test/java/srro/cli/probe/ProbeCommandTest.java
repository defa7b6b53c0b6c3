package srro.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import srro.cli.CliRun;
import srro.cli.Io;
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
    assertTrue(r.out().contains("\"software_write_protect\":true,\"software_write_protect_source\":"
        + "\"MODE SENSE(6) control page\""), r.out());
    assertTrue(r.out().contains("\"protected_by\":[\"wp_bit\",\"swp\",\"os\"],\"writable_by\":[]"), r.out());
  }

  @Test
  void writesJsonForEveryDevice() {
    CliRun r = run(ProbeCommandTest::protectedDisk, "probe", "--json", "/dev/sda", "/dev/sdb");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith("{\"schema\":\"srro-probe/1\",\"devices\":[{\"device\":\"/dev/sda\",\"open\":"
        + "\"read-only (read-write open failed: EROFS)\",\"inquiry\":{\"peripheral_qualifier\":0,"
        + "\"peripheral_device_type\":0,"), r.out());
    assertTrue(r.out().contains("\"write_protected\":true"), r.out());
    assertTrue(r.out().contains("\"verdict\":\"yes\""), r.out());
    assertTrue(r.out().contains("{\"device\":\"/dev/sdb\""), r.out());
    assertEquals(1, r.out().lines().count());
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
    assertTrue(r.out().contains("\"error\":{\"kind\":\"oserr\",\"exit_status\":71,\"message\":\"/dev/null: INQUIRY:"
        + " the pass-through ioctl failed (ENOTTY)\""), r.out());
    assertEquals(1, r.out().lines().count(), "the failure is in the probe document, not a second one");
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
