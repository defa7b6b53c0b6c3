package srro.scsi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import srro.scsi.Cdbs;
import srro.scsi.PageControl;
import srro.scsi.SenseKey;
import srro.scsi.transport.Outcome.Failed;
import srro.scsi.transport.Outcome.Layer;

/** Fault injection: every failure class of both transports gives its own layer, code and message. */
public class ClassifierTest {
  private static final Command MODE6 = Cdbs.modeSense6(0x3f, 0, PageControl.CURRENT, false, 64);
  private static final Command SPOUT = Cdbs.securityProtocolOut(0x20, 0x10, new byte[20], 1000);
  private static final byte[] NONE = new byte[0];
  static final byte[] FIXED_ILLEGAL =
      bytes("70 00 05 00 00 00 00 0a 00 00 00 00 24 00 00 c0 00 02");
  public static final byte[] FIXED_DEFERRED =
      bytes("71 00 03 00 00 00 00 0a 00 00 00 00 11 00 00 00 00 00");
  static final byte[] DESCRIPTOR_PROTECT =
      bytes("72 07 27 00 00 00 00 0c 00 0a 80 00 00 00 00 00 00 00 12 34");
  static final byte[] FIXED_RECOVERED =
      bytes("70 00 01 00 00 00 00 0a 00 00 00 00 17 00 00 00 00 00");
  public static final byte[] NO_SENSE = bytes("70 00 00 00 00 00 00 0a 00 00 00 00 00 00 00 00 00 00");

  public static byte[] bytes(String hex) {
    String[] t = hex.trim().split("\\s+");
    byte[] b = new byte[t.length];
    for (int i = 0; i < t.length; i++) {
      b[i] = (byte) Integer.parseInt(t[i], 16);
    }
    return b;
  }

  private static Reply sg(int errno, String name, int info, int host, int driver, int status, int resid,
      byte[] sense) {
    return new Reply(
        new TransportStatus.SgIo(errno, name, info, host, driver, status, resid, sense, 1), new byte[64]);
  }

  private static Reply bsd(int errno, String name, int retsts, int status, long used, byte[] sense) {
    return new Reply(new TransportStatus.Scsireq(errno, name, retsts, status, used, sense), new byte[64]);
  }

  private static Failed failed(Command c, Reply r) {
    return assertInstanceOf(Failed.class, Outcome.of(c, r));
  }

  @Test
  void goodWhenEveryLayerAgreesAndDataCutByResid() {
    Outcome.Good g = assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, sg(0, "", 0, 0, 0, 0, 40, NONE)));
    assertEquals(24, g.data().length);
    assertEquals(List.of(), g.warnings());
  }

  @Test
  void ioctlErrnoComesFirst() {
    Failed f = failed(MODE6, sg(22, "EINVAL", 1, 7, 0, 2, 0, FIXED_ILLEGAL));
    assertEquals(Layer.IOCTL, f.layer());
    assertEquals("EINVAL", f.code());
    assertEquals("ioctl failed: EINVAL (errno 22) for MODE SENSE(6) page 0x3f", f.message());
  }

  @Test
  void namesAnErrnoWithoutAName() {
    assertEquals("ERRNO_5", failed(MODE6, sg(5, "", 0, 0, 0, 0, 0, NONE)).code());
  }

  @Test
  void didErrorWithEmptySenseAndZeroIoctlIsAFailure() {
    Failed f = failed(SPOUT, sg(0, "", 1, 0x07, 0, 0, 0, NONE));
    assertEquals(Layer.HOST, f.layer());
    assertEquals("DID_ERROR", f.code());
    assertEquals("host status DID_ERROR (0x07)", f.message());
  }

  @Test
  void hostStatusIsFailedEvenWhenInfoSaysOk() {
    Failed f = failed(SPOUT, sg(0, "", 0, 0x07, 0, 0, 0, NONE));
    assertEquals("host status DID_ERROR (0x07), although sg info said ok", f.message());
  }

  @Test
  void everyHostCodeHasItsOwnName() {
    Set<String> codes = new HashSet<>();
    for (int host = 1; host <= 0x15; host++) {
      Failed f = failed(MODE6, sg(0, "", 1, host, 0, 0, 0, NONE));
      assertEquals(Layer.HOST, f.layer());
      assertTrue(codes.add(f.code()), f.code());
      assertTrue(f.message().startsWith("host status " + f.code() + " (0x"), f.message());
    }
    assertTrue(codes.containsAll(List.of("DID_NO_CONNECT", "DID_BUS_BUSY", "DID_TIME_OUT", "DID_BAD_TARGET",
        "DID_ABORT", "DID_PARITY", "DID_RESET", "DID_BAD_INTR", "DID_TRANSPORT_DISRUPTED",
        "DID_TRANSPORT_FAILFAST", "DID_0x15")));
  }

  @Test
  void driverErrorsAreNamedWithTheirSuggestion() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0x26, 0, 0, NONE));
    assertEquals(Layer.DRIVER, f.layer());
    assertEquals("DRIVER_TIMEOUT", f.code());
    assertEquals("driver status DRIVER_TIMEOUT (0x26), SUGGEST_ABORT", f.message());
    assertEquals("DRIVER_ERROR", failed(MODE6, sg(0, "", 1, 0, 0x04, 0, 0, NONE)).code());
    assertEquals("DRIVER_0xc", failed(MODE6, sg(0, "", 1, 0, 0x0c, 0, 0, NONE)).code());
  }

  @Test
  void driverSenseWithoutSenseIsADriverFailure() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0x08, 0, 0, NONE));
    assertEquals(Layer.DRIVER, f.layer());
    assertEquals("DRIVER_SENSE_WITHOUT_SENSE", f.code());
  }

  @Test
  void checkConditionWithFixedSenseIsDecoded() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0x08, 0x02, 0, FIXED_ILLEGAL));
    assertEquals(Layer.SCSI_STATUS, f.layer());
    assertEquals("CHECK_CONDITION", f.code());
    assertEquals(
        "check condition: ILLEGAL REQUEST: Invalid field in CDB (asc 0x24, ascq 0x00); field pointer: cdb"
            + " byte 2",
        f.message());
    assertEquals(SenseKey.ILLEGAL_REQUEST, f.sense().orElseThrow().senseKey());
  }

  @Test
  void checkConditionWithDescriptorSenseIsDecoded() {
    Failed f = failed(SPOUT, sg(0, "", 1, 0, 0x08, 0x02, 0, DESCRIPTOR_PROTECT));
    assertEquals("CHECK_CONDITION", f.code());
    assertEquals("check condition: DATA PROTECT: Write protected (asc 0x27, ascq 0x00)", f.message());
    assertEquals(0x1234L, f.sense().orElseThrow().information().orElseThrow());
  }

  @Test
  void deferredErrorHasItsOwnCode() {
    Failed f = failed(SPOUT, sg(0, "", 1, 0, 0x08, 0x02, 0, FIXED_DEFERRED));
    assertEquals("DEFERRED_ERROR", f.code());
    assertEquals(
        "check condition, an earlier command failed: deferred error, MEDIUM ERROR: Unrecovered read error"
            + " (asc 0x11, ascq 0x00)",
        f.message());
  }

  @Test
  void checkConditionWithoutSense() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0, 0x02, 0, NONE));
    assertEquals("CHECK_CONDITION_WITHOUT_SENSE", f.code());
  }

  @Test
  void checkConditionWithUnreadableSense() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0x08, 0x02, 0, bytes("7f 00 05")));
    assertEquals(Layer.SENSE, f.layer());
    assertEquals("UNREADABLE_SENSE", f.code());
    assertEquals(
        "check condition with unreadable sense data: response code 0x7f is not sense data (expected"
            + " 0x70..0x73; 0x7f is a vendor specific format)",
        f.message());
  }

  @Test
  void recoveredErrorIsGoodWithAWarning() {
    Outcome.Good g =
        assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, sg(0, "", 1, 0, 8, 0x02, 0, FIXED_RECOVERED)));
    assertEquals(1, g.warnings().size());
    assertTrue(g.warnings().get(0).startsWith("the device recovered from an error: RECOVERED ERROR"));
  }

  @Test
  void otherStatusBytesAreNamed() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0, 0x18, 0, NONE));
    assertEquals(Layer.SCSI_STATUS, f.layer());
    assertEquals("RESERVATION_CONFLICT", f.code());
    assertEquals("scsi status reservation conflict (0x18)", f.message());
    assertEquals("BUSY", failed(MODE6, sg(0, "", 1, 0, 0, 0x08, 0, NONE)).code());
    assertEquals("TASK_SET_FULL", failed(MODE6, sg(0, "", 1, 0, 0, 0x28, 0, NONE)).code());
    assertEquals("STATUS_0x7e", failed(MODE6, sg(0, "", 1, 0, 0, 0x7e, 0, NONE)).code());
  }

  @Test
  void infoCheckThatNothingExplainsIsATransportFailure() {
    Failed f = failed(MODE6, sg(0, "", 1, 0, 0, 0, 0, NONE));
    assertEquals(Layer.TRANSPORT, f.layer());
    assertEquals("SG_INFO_CHECK", f.code());
    assertEquals("sg info 0x1 says the command failed, but host, driver and scsi status are all zero",
        f.message());
  }

  @Test
  void senseDespiteGoodStatusIsAFailure() {
    Failed f = failed(MODE6, sg(0, "", 0, 0, 0, 0, 0, DESCRIPTOR_PROTECT));
    assertEquals(Layer.SENSE, f.layer());
    assertEquals("SENSE_WITH_GOOD", f.code());
    assertEquals(
        "scsi status good, but the sense data says: DATA PROTECT: Write protected (asc 0x27, ascq 0x00)",
        f.message());
  }

  @Test
  void unreadableSenseDespiteGoodStatusIsAFailure() {
    Failed f = failed(MODE6, sg(0, "", 0, 0, 0, 0, 0, bytes("00 01 02")));
    assertEquals("SENSE_WITH_GOOD", f.code());
    assertEquals(
        "scsi status good, but 3 bytes of unreadable sense data came back: response code 0x00 is not sense"
            + " data (expected 0x70..0x73)",
        f.message());
  }

  @Test
  void emptySenseWithGoodIsAWarning() {
    Outcome.Good g = assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, sg(0, "", 0, 0, 0, 0, 0, NO_SENSE)));
    assertEquals(List.of("empty sense data (NO SENSE) came back with status good"), g.warnings());
  }

  @Test
  void shortTransferOfDataOut() {
    Failed f = failed(SPOUT, sg(0, "", 0, 0, 0, 0, 4, NONE));
    assertEquals(Layer.TRANSFER, f.layer());
    assertEquals("SHORT_TRANSFER", f.code());
    assertEquals("only 16 of 20 bytes were sent (resid 4)", f.message());
  }

  @Test
  void residOutsideTheTransferIsRejected() {
    Failed f = failed(MODE6, sg(0, "", 0, 0, 0, 0, 65, NONE));
    assertEquals("BAD_RESID", f.code());
    assertEquals("resid 65 is outside 0..64 for MODE SENSE(6) page 0x3f", f.message());
    assertEquals("BAD_RESID", failed(MODE6, sg(0, "", 0, 0, 0, 0, -1, NONE)).code());
  }

  @Test
  void noDataIsAFailure() {
    Failed f = failed(MODE6, sg(0, "", 0, 0, 0, 0, 64, NONE));
    assertEquals("NO_DATA", f.code());
    assertEquals("no data was transferred for MODE SENSE(6) page 0x3f", f.message());
  }

  @Test
  void transportKeepingFewerBytesThanReportedIsAWarning() {
    Reply r = new Reply(new TransportStatus.SgIo(0, "", 0, 0, 0, 0, 0, NONE, 1), new byte[10]);
    Outcome.Good g = assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, r));
    assertEquals(10, g.data().length);
    assertEquals(List.of("the transport kept 10 bytes of the 64 reported"), g.warnings());
  }

  @Test
  void noDataCommandIgnoresResid() {
    assertInstanceOf(
        Outcome.Good.class, Outcome.of(Cdbs.testUnitReady(), sg(0, "", 0, 0, 0, 0, 0, NONE)));
  }

  @Test
  void openBsdGood() {
    Outcome.Good g = assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, bsd(0, "", 0, 0, 12, NONE)));
    assertEquals(12, g.data().length);
  }

  @Test
  void openBsdFullDatalenUsedIsAWarning() {
    Outcome.Good g = assertInstanceOf(Outcome.Good.class, Outcome.of(MODE6, bsd(0, "", 0, 0, 64, NONE)));
    assertTrue(g.warnings().get(0).startsWith("datalen_used equals the allocation length (64)"));
  }

  @Test
  void openBsdErrno() {
    Failed f = failed(SPOUT, bsd(1, "EPERM", 0, 0, 0, NONE));
    assertEquals(Layer.IOCTL, f.layer());
    assertEquals("EPERM", f.code());
  }

  @Test
  void openBsdEveryRetstsHasItsCode() {
    assertEquals("SCCMD_TIMEOUT", failed(MODE6, bsd(0, "", 1, 0, 0, NONE)).code());
    assertEquals("SCCMD_BUSY", failed(MODE6, bsd(0, "", 2, 0, 0, NONE)).code());
    Failed unknown = failed(SPOUT, bsd(0, "", 4, 0, 20, NONE));
    assertEquals(Layer.TRANSPORT, unknown.layer());
    assertEquals("SCCMD_UNKNOWN", unknown.code());
    assertEquals("the adapter or driver failed the command (retsts SCCMD_UNKNOWN)", unknown.message());
    assertEquals("SCCMD_0x09", failed(MODE6, bsd(0, "", 9, 0, 0, NONE)).code());
  }

  @Test
  void openBsdSenseWithCheckCondition() {
    Failed f = failed(MODE6, bsd(0, "", 3, 0x02, 0, FIXED_ILLEGAL));
    assertEquals("CHECK_CONDITION", f.code());
    assertEquals(SenseKey.ILLEGAL_REQUEST, f.sense().orElseThrow().senseKey());
  }

  @Test
  void openBsdSenseWithGoodStatus() {
    Failed f = failed(MODE6, bsd(0, "", 3, 0, 0, NONE));
    assertEquals(Layer.SENSE, f.layer());
    assertEquals("SCCMD_SENSE", f.code());
    assertEquals("retsts SCCMD_SENSE with scsi status good: no decodable sense data", f.message());
  }

  @Test
  void openBsdShortTransferAndBadDatalenUsed() {
    Failed f = failed(SPOUT, bsd(0, "", 0, 0, 12, NONE));
    assertEquals("SHORT_TRANSFER", f.code());
    assertEquals("only 12 of 20 bytes were sent (datalen_used)", f.message());
    assertEquals("BAD_DATALEN_USED", failed(MODE6, bsd(0, "", 0, 0, 65, NONE)).code());
    assertEquals("NO_DATA", failed(MODE6, bsd(0, "", 0, 0, 0, NONE)).code());
  }

  @Test
  void openBsdBusyStatus() {
    assertEquals("BUSY", failed(MODE6, bsd(0, "", 0, 0x08, 0, NONE)).code());
  }
}
