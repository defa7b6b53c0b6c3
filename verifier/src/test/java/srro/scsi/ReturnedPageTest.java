package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.ClassifierTest;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.Outcome.Failed;

class ReturnedPageTest {
  private static final Optional<DeviceType> DISK = Optional.of(DeviceType.DISK);

  private static Outcome good(String hex) {
    return new Outcome.Good(ClassifierTest.bytes(hex), List.of());
  }

  private static Failed mode(Outcome o, int page, int subpage) {
    return assertInstanceOf(
        Failed.class, ReturnedPage.checkMode(o, ModeParameters.Format.SIX, DISK, page, subpage));
  }

  @Test
  void passesTheRightPageAndAddsHeaderWarnings() {
    Outcome.Good g =
        assertInstanceOf(
            Outcome.Good.class,
            ReturnedPage.checkMode(
                good("05 00 00 00 08 00 ff"), ModeParameters.Format.SIX, DISK, 0x08, 0));
    assertEquals(List.of("1 bytes after the declared 6 are not zero padding; ignored"), g.warnings());
  }

  @Test
  void failsOnAWrongPage() {
    Failed f = mode(good("05 00 00 00 0a 00"), 0x08, 0);
    assertEquals(Outcome.Layer.PAGE, f.layer());
    assertEquals("WRONG_PAGE", f.code());
    assertEquals("asked for mode page 0x08, the device returned page 0x0a", f.message());
  }

  @Test
  void failsOnAWrongSubpage() {
    Failed f = mode(good("07 00 00 00 4a 02 00 00"), 0x0a, 0x01);
    assertEquals("asked for mode page 0x0a subpage 0x01, the device returned page 0x0a subpage 0x02",
        f.message());
  }

  @Test
  void failsOnATruncatedPage() {
    Failed f = mode(good("0b 00 00 00 08 0a 00 00"), 0x3f, 0);
    assertEquals("PAGE_TRUNCATED", f.code());
    assertEquals("page 0x08 declares 12 bytes, only 4 received", f.message());
  }

  @Test
  void failsWhenNoPageCameBack() {
    Failed f = mode(good("03 00 80 00"), 0x1c, 0);
    assertEquals("NO_PAGE", f.code());
    assertEquals("asked for mode page 0x1c, the reply has no page", f.message());
  }

  @Test
  void headerOnlyIsFineForPageZero() {
    assertInstanceOf(
        Outcome.Good.class,
        ReturnedPage.checkMode(good("03 00 80 00"), ModeParameters.Format.SIX, DISK, 0x00, 0));
  }

  @Test
  void failsOnAReplyWithoutAHeader() {
    Failed f = mode(good("03 00"), 0x08, 0);
    assertEquals("MALFORMED_PAGE", f.code());
    assertEquals(
        "mode sense reply: mode parameter header needs 4 bytes (MODE SENSE(6)), only 2 received", f.message());
  }

  @Test
  void failedOutcomesPassThrough() {
    Outcome f = new Failed(Outcome.Layer.HOST, "DID_ERROR", "host status DID_ERROR (0x07)");
    assertSame(f, ReturnedPage.checkMode(f, ModeParameters.Format.SIX, DISK, 8, 0));
    assertSame(f, ReturnedPage.check(f, "security protocol page", 0x20, 0x21, 4, 4));
  }

  @Test
  void genericCheckComparesCodeAndLength() {
    Failed wrong =
        assertInstanceOf(Failed.class, ReturnedPage.check(good("00"), "security protocol page", 0x20, 0x21, 8, 8));
    assertEquals("asked for security protocol page 0x20, the device returned 0x21", wrong.message());
    Failed cut =
        assertInstanceOf(Failed.class, ReturnedPage.check(good("00"), "security protocol page", 0x20, 0x20, 40, 8));
    assertEquals("PAGE_TRUNCATED", cut.code());
    assertEquals("security protocol page 0x20 declares 40 bytes, only 8 received", cut.message());
    assertInstanceOf(Outcome.Good.class, ReturnedPage.check(good("00"), "p", 1, 1, 8, 8));
  }
}
