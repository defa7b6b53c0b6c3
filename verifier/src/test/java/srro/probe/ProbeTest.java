package srro.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;

class ProbeTest {
  private static final ReadOnlyFlag KERNEL_RO = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_ONLY, "1");
  private static final ReadOnlyFlag KERNEL_RW = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_WRITE, "0");

  @Test
  void readsTheWpBitFromModeSenseSixWhenItWorks() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sda", new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(0x80)), List.of(KERNEL_RO));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(List.of("INQUIRY", "MODE SENSE(6) page 0x3f", "MODE SENSE(6) page 0x0a"), d.sent);
    assertEquals("MODE SENSE(6)", r.modeSource());
    assertEquals(Optional.empty(), r.controlPage().softwareWriteProtect());
    assertEquals(ProbeVerdict.State.YES, r.verdict().state());
    assertEquals(Optional.of("QEMU HARDDISK"), r.inquiry().productIdentification());
    assertEquals("read-only (read-write open failed: EROFS)", r.openMode());
  }

  @Test
  void fallsBackToModeSenseTenWhenSixIsRejectedAsSdDoes() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sda", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.illegalRequest(0x20),
        CannedDevice.MODE_SENSE_10, CannedDevice.modeHeader10(0x00)), List.of(KERNEL_RW));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(List.of("INQUIRY", "MODE SENSE(6) page 0x3f", "MODE SENSE(10) page 0x3f",
        "MODE SENSE(10) page 0x0a"), d.sent);
    assertEquals("MODE SENSE(10)", r.modeSource());
    assertEquals("write-protected: no (MODE SENSE(10) WP=0, BLKROGET=0)", r.verdict().line());
    Outcome.Failed six = (Outcome.Failed) r.steps().get(1).outcome();
    assertEquals("CHECK_CONDITION", six.code());
  }

  @Test
  void namesTheCommandAndLayerWhenBothModeSensesFail() {
    CannedDevice d = new CannedDevice("/dev/sdc", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.illegalRequest(0x24),
        CannedDevice.MODE_SENSE_10, CannedDevice.illegalRequest(0x24)), List.of());
    List<Probe.Step> steps = new ArrayList<>();
    CommandFailedException e = assertThrows(CommandFailedException.class, () -> Probe.run(d, 0, steps));
    assertTrue(e.getMessage().startsWith("/dev/sdc: MODE SENSE(10) page 0x00 failed at the scsi_status layer"
        + " (CHECK_CONDITION): check condition: ILLEGAL REQUEST"), e.getMessage());
    assertEquals(3, steps.size());
  }

  @Test
  void aHostErrorWithEmptySenseIsAFailureNotAnAnswer() {
    CannedDevice d = new CannedDevice("/dev/sg3", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.didError()), List.of());
    CommandFailedException e =
        assertThrows(CommandFailedException.class, () -> Probe.run(d, 0x3f, new ArrayList<>()));
    assertEquals(Outcome.Layer.HOST, e.failure().layer());
    assertEquals("DID_ERROR", e.failure().code());
    assertTrue(e.getMessage().startsWith("/dev/sg3: INQUIRY failed at the host layer (DID_ERROR)"), e.getMessage());
  }

  @Test
  void aFailedIoctlIsAnOsCallFailure() {
    CannedDevice d = new CannedDevice("/dev/sda", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.errno(22, "EINVAL")), List.of());
    IoctlFailedException e = assertThrows(IoctlFailedException.class, () -> Probe.run(d, 0x3f, new ArrayList<>()));
    assertEquals("/dev/sda: MODE SENSE(6) page 0x3f: the pass-through ioctl failed (EINVAL)", e.getMessage());
    assertEquals(22, e.errno());
  }

  @Test
  void aWpBitTheKernelDoesNotShareIsADisagreement() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sda", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(0x80)), List.of(KERNEL_RW));
    assertEquals(ProbeVerdict.State.DISAGREE, Probe.run(d, 0x3f, new ArrayList<>()).verdict().state());
  }

  @Test
  void aDeviceTypeWithoutAWpBitLeavesTheVerdictToTheOs() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sr0", OpenMode.readWrite(), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(5, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(0x80)), List.of(KERNEL_RO));
    assertEquals("write-protected: yes, by the OS (BLKROGET=1)",
        Probe.run(d, 0x3f, new ArrayList<>()).verdict().line());
  }

  private static final ReadOnlyFlag EROFS = new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, "EROFS");

  @Test
  void aRealQemuReadOnlyDiskIsWriteProtected() throws Exception {
    CannedDevice d = CannedDevice.captured("qemu-readonly", new OpenMode(true, "EROFS"), List.of(EROFS, KERNEL_RO));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(Optional.of("SRRO"), r.inquiry().vendorIdentification());
    assertEquals(Optional.of("READONLY"), r.inquiry().productIdentification());
    assertEquals(0x63, r.mode().modeDataLength());
    assertEquals(255 - 100, r.mode().paddingLength()); // QEMU pads to the allocation length, resid 0
    assertEquals(List.of(), r.mode().warnings());
    assertEquals("write-protected: yes, by the WP bit and the OS (MODE SENSE(6) WP=1, open O_RDWR failed: EROFS,"
        + " BLKROGET=1)", r.verdict().line());
    // QEMU scsi-hd has no control mode page: ILLEGAL REQUEST, INVALID FIELD IN CDB, so SWP is unknown there.
    assertEquals(Optional.empty(), r.controlPage().softwareWriteProtect());
    assertTrue(r.controlPage().source().startsWith("MODE SENSE(6) page 0x0a: check condition: ILLEGAL REQUEST"),
        r.controlPage().source());
  }

  @Test
  void aRealQemuWritableDiskIsNot() throws Exception {
    CannedDevice d = CannedDevice.captured("qemu-writable", OpenMode.readWrite(), List.of(KERNEL_RW));
    assertEquals("write-protected: no (MODE SENSE(6) WP=0, BLKROGET=0)",
        Probe.run(d, 0x3f, new ArrayList<>()).verdict().line());
  }

  @Test
  void realScsiDebugWithWp1ReportsResidAndWp() throws Exception {
    CannedDevice d = CannedDevice.captured("scsi_debug-wp1", new OpenMode(true, "EROFS"), List.of(EROFS));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(116, ((Outcome.Good) r.steps().get(1).outcome()).data().length); // 255 - resid 139
    assertEquals("WP=1 DPOFUA=1", r.mode().deviceSpecificParameter().describe());
    assertEquals(ProbeVerdict.State.YES, r.verdict().state());
    assertEquals(new Probe.ControlPage(Optional.of(false), "MODE SENSE(6) control page"), r.controlPage());
    assertEquals(List.of("INQUIRY", "MODE SENSE(6) page 0x3f"), d.sent); // page 0x3f carried the control page
    assertEquals("write-protected: yes, by the WP bit and the OS (MODE SENSE(6) WP=1, MODE SENSE(6) control page"
        + " SWP=0, open O_RDWR failed: EROFS)", r.verdict().line());
  }

  @Test
  void aRealScsiDebugDiskAnswersTheControlPageAlone() throws Exception {
    CannedDevice d = CannedDevice.captured("scsi_debug-wp1", new OpenMode(true, "EROFS"), List.of(EROFS));
    Probe.Report r = Probe.run(d, 0x0a, new ArrayList<>());
    assertEquals(List.of("INQUIRY", "MODE SENSE(6) page 0x0a"), d.sent);
    assertEquals(new Probe.ControlPage(Optional.of(false), "MODE SENSE(6) control page"), r.controlPage());
  }

  @Test
  void theControlPagesSwpBitIsAWriteProtectionOfItsOwn() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sdb", new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeWithControlPage6(0x00, 0x08)), List.of(EROFS));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(Optional.of(true), r.controlPage().softwareWriteProtect());
    assertEquals(ProbeVerdict.State.DISAGREE, r.verdict().state()); // WP=0 says writable, SWP=1 refuses writes
    assertEquals(List.of(ProbeVerdict.Layer.SWP, ProbeVerdict.Layer.OS), r.verdict().readOnlyLayers());
    assertEquals("write-protected: layers disagree: read-only by the control page's SWP bit and the OS, writable"
        + " by the WP bit (MODE SENSE(6) WP=0, MODE SENSE(6) control page SWP=1, open O_RDWR failed: EROFS)",
        r.verdict().line());
  }

  @Test
  void swpZeroIsNoVoteForWritable() throws Exception {
    CannedDevice d = new CannedDevice("/dev/sdb", new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeWithControlPage6(0x80, 0x00)), List.of(EROFS));
    Probe.Report r = Probe.run(d, 0x3f, new ArrayList<>());
    assertEquals(ProbeVerdict.State.YES, r.verdict().state());
    assertEquals(List.of(), r.verdict().writableLayers());
  }

  @Test
  void realRepliesToPageZeroAreIllegalRequestInBothCdbSizes() throws Exception {
    for (String fixture : List.of("qemu-readonly", "scsi_debug-wp1")) {
      CannedDevice d = CannedDevice.captured(fixture, OpenMode.readWrite(), List.of());
      List<Probe.Step> steps = new ArrayList<>();
      CommandFailedException e = assertThrows(CommandFailedException.class, () -> Probe.run(d, 0, steps));
      assertEquals("ILLEGAL REQUEST", e.failure().sense().orElseThrow().senseKey().text(), fixture);
      Outcome.Failed six = (Outcome.Failed) steps.get(1).outcome();
      assertEquals("CHECK_CONDITION", six.code(), fixture);
    }
  }

  @Test
  void aRealWriteToAReadOnlyDiskIsDataProtect() throws Exception {
    byte[] cdb = {0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    Command write = new Command("WRITE(10)", cdb, DataDirection.TO_DEVICE, new byte[512], 0, 10_000);
    for (String fixture : List.of("qemu-readonly", "scsi_debug-wp1")) {
      CannedDevice d = CannedDevice.captured(fixture, OpenMode.readWrite(), List.of());
      Outcome.Failed f = (Outcome.Failed) Outcome.of(write, d.execute(write));
      assertEquals(Outcome.Layer.SCSI_STATUS, f.layer(), fixture);
      assertEquals("DATA PROTECT", f.sense().orElseThrow().senseKey().text(), fixture);
    }
  }
}
