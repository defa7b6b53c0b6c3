package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.Outcome;

/** Reading pages over a transport: every layer judged, every page checked before it is parsed. */
class TapeDriveTest {
  private static TapeFailure failure(Read<?> read) {
    return assertInstanceOf(Read.Failed.class, read).failure();
  }

  @Test
  void readsStatusAndNextBlock() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().encrypting(2, 2, "vol");
    TapeDrive drive = new TapeDrive("/dev/nst0", target);
    assertTrue(drive.support(TapeDrive.STATUS_PAGE).isEmpty());
    assertTrue(drive.offersNextBlock());
    EncryptionStatus s = assertInstanceOf(Read.Ok.class, drive.status()) instanceof Read.Ok<?> ok
        ? (EncryptionStatus) ok.page() : null;
    assertEquals("on", s.encryptionModeText());
    assertEquals("vol", s.kads().get(0).text());
    NextBlockStatus n = (NextBlockStatus) ((Read.Ok<?>) drive.nextBlock()).page();
    assertEquals(5, n.encryptionStatus());
  }

  @Test
  void reportsWrongPageInsteadOfParsingIt() throws Exception {
    TapeDrive drive = new TapeDrive("t", new ScriptedTapeTarget().answeringStatusWithPage(0x0010));
    TapeFailure f = failure(drive.status());
    assertEquals(Outcome.Layer.PAGE, f.outcome().layer());
    assertEquals("WRONG_PAGE", f.outcome().code());
    assertEquals("SECURITY PROTOCOL IN protocol 0x20 specific 0x0020: asked for page 0x0020, the drive returned"
        + " page 0x0010", f.describe());
  }

  @Test
  void reportsMalformedPageWithSourceAndOffset() throws Exception {
    byte[] page = HexFile.read("status-on-ukad.page");
    page[27] = 9;
    TapeDrive drive = new TapeDrive("/dev/nst0", new ScriptedTapeTarget().replacing(0x0020, page));
    TapeFailure f = failure(drive.status());
    assertEquals("MALFORMED_PAGE", f.outcome().code());
    assertEquals("/dev/nst0 page 0x20/0x0020 at offset 24: kad descriptor declares 9 bytes, only 8 left in the"
        + " page", f.outcome().message());
  }

  @Test
  void reportsDidErrorWithEmptySenseAsFailure() throws Exception {
    TapeDrive drive = new TapeDrive("t",
        new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN", new ScriptedTapeTarget.DidError()));
    TapeFailure f = failure(drive.status());
    assertEquals(Outcome.Layer.HOST, f.outcome().layer());
    assertEquals("DID_ERROR", f.outcome().code());
    assertTrue(f.outcome().message().startsWith("host status DID_ERROR (0x07)"), f.outcome().message());
    assertFalse(f.osCallFailed());
    assertFalse(f.driveRefused());
  }

  @Test
  void reportsCheckConditionWithDescriptorSense() throws Exception {
    TapeDrive drive = new TapeDrive("t", new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0020",
            new ScriptedTapeTarget.CheckCondition(0x02, 0x3a, 0x00)));
    TapeFailure f = failure(drive.status());
    assertEquals("CHECK_CONDITION", f.outcome().code());
    assertTrue(f.driveRefused());
    assertEquals("check condition: NOT READY: Medium not present (asc 0x3a, ascq 0x00)", f.outcome().message());
  }

  @Test
  void reportsIoctlFailureAsOsCall() throws Exception {
    TapeDrive drive = new TapeDrive("t",
        new ScriptedTapeTarget().fault("SECURITY PROTOCOL", new ScriptedTapeTarget.IoctlError(5, "EIO")));
    TapeFailure f = failure(drive.status());
    assertTrue(f.osCallFailed());
    assertEquals(5, f.ioctlErrno());
  }

  /**
   * A disk (QEMU scsi-hd) answers SECURITY PROTOCOL IN with CHECK CONDITION, fixed sense, ILLEGAL REQUEST,
   * INVALID COMMAND OPERATION CODE (20h/00h): that must read as "not supported", never as "encryption off".
   */
  @Test
  void reportsDiskWithoutSecurityProtocolsAsIllegalRequest() throws Exception {
    TapeDrive drive = new TapeDrive("/dev/sg0", new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL IN", new ScriptedTapeTarget.FixedSense(0x05, 0x20, 0x00)));
    TapeDrive.Unsupported u = drive.support(TapeDrive.STATUS_PAGE).orElseThrow();
    assertEquals("reading the supported security protocols", u.what());
    TapeFailure f = u.failure().orElseThrow();
    assertEquals("CHECK_CONDITION", f.outcome().code());
    assertEquals("check condition: ILLEGAL REQUEST: Invalid command operation code (asc 0x20, ascq 0x00)",
        f.outcome().message());
  }

  @Test
  void reportsDriveWithoutTapeEncryption() throws Exception {
    TapeDrive drive = new TapeDrive("t", new ScriptedTapeTarget().withoutEncryption());
    TapeDrive.Unsupported u = drive.support(TapeDrive.STATUS_PAGE).orElseThrow();
    assertEquals("the drive does not support tape data encryption: security protocol 0x20 is not among 0x00",
        u.describe());
  }

  @Test
  void reportsPageTheDriveDoesNotList() throws Exception {
    byte[] pages = {0, 0, 0, 4, 0, 0, 0, 0x20};
    TapeDrive drive = new TapeDrive("t", new ScriptedTapeTarget().replacing(0x0000, pages));
    TapeDrive.Unsupported u = drive.support(TapeDrive.CAPABILITIES_PAGE).orElseThrow();
    assertEquals("the drive does not offer page 0x0010: its pages are 0x0000 0x0020", u.describe());
    assertTrue(drive.support(TapeDrive.STATUS_PAGE).isEmpty());
    assertFalse(drive.offersNextBlock());
    assertFalse(drive.offers(TapeDrive.CAPABILITIES_PAGE));
    assertTrue(drive.offers(TapeDrive.STATUS_PAGE));
  }

  @Test
  void wipesDataOutEvenWhenTheTransportThrows() {
    ScriptedTapeTarget target = new ScriptedTapeTarget().throwingOnSpout();
    TapeDrive drive = new TapeDrive("t", target);
    Command c = SecurityProtocol.out(0x20, 0x10, new byte[] {1, 2, 3, 4});
    assertThrows(IOException.class, () -> drive.send(c));
    assertArrayEquals(new byte[4], target.sentData().get(0));
  }

  @Test
  void sendsStatusCommandsInOrder() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    new TapeDrive("t", target).support(TapeDrive.STATUS_PAGE);
    assertEquals(List.of("SECURITY PROTOCOL IN protocol 0x00 specific 0x0000",
        "SECURITY PROTOCOL IN protocol 0x20 specific 0x0000"),
        target.commands().stream().map(Command::name).toList());
  }
}
