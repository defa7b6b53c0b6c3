package srro.scsi.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.Cdbs;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ReturnedPage;

/** Any transport status is classified without an exception; Good only when every layer is clean. */
class ClassifierFuzzTest {
  @FuzzTest
  void classifiesAnyStatus(FuzzedDataProvider data) {
    Command command =
        switch (data.consumeInt(0, 2)) {
          case 0 -> Cdbs.testUnitReady();
          case 1 -> Cdbs.modeSense10(0x3f, 0, PageControl.CURRENT, false, false, 512);
          default -> Cdbs.securityProtocolOut(0x20, 0x10, new byte[52], 1000);
        };
    boolean linux = data.consumeBoolean();
    int errno = data.consumeBoolean() ? 0 : data.consumeInt(0, 200);
    int a = data.consumeInt(0, 0xff);
    int b = data.consumeInt(0, 0x30);
    int status = data.consumeBoolean() ? 0 : data.consumeInt(0, 0xff);
    int resid = data.consumeInt(-2, 600);
    byte[] sense = data.consumeBytes(data.consumeInt(0, 64));
    byte[] reply = data.consumeRemainingAsBytes();
    TransportStatus s =
        linux
            ? new TransportStatus.SgIo(errno, "", a & 1, b, a >> 1, status, resid, sense, 1)
            : new TransportStatus.Scsireq(errno, "", a & 7, status, resid, sense);
    Outcome o = Outcome.of(command, new Reply(s, reply));
    if (o instanceof Outcome.Good) {
      assertTrue(errno == 0 && (!linux || b == 0));
    }
    if (o instanceof Outcome.Good g) {
      ReturnedPage.checkMode(g, ModeParameters.Format.TEN, java.util.Optional.empty(), 0x08, 0);
    }
  }
}
