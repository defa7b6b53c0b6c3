package srro.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.ReadOnlyFlag.Reading;

class ProbeVerdictTest {
  private static final ReadOnlyFlag EROFS = new ReadOnlyFlag("open O_RDWR", Reading.READ_ONLY, "EROFS");
  private static final ReadOnlyFlag RO = new ReadOnlyFlag("BLKROGET", Reading.READ_ONLY, "1");
  private static final ReadOnlyFlag RW = new ReadOnlyFlag("BLKROGET", Reading.READ_WRITE, "0");
  private static final ReadOnlyFlag SYSFS_RW = new ReadOnlyFlag("/sys/block/sda/ro", Reading.READ_WRITE, "0");
  private static final ReadOnlyFlag NONE = new ReadOnlyFlag("BLKROGET", Reading.UNAVAILABLE, "ENOTTY");

  @Test
  void saysYesWhenEveryLayerSaysReadOnly() {
    ProbeVerdict v = ProbeVerdict.of(Optional.of(true), "MODE SENSE(6)", List.of(EROFS, RO, NONE));
    assertEquals(ProbeVerdict.State.YES, v.state());
    assertEquals("write-protected: yes, by the WP bit and the OS (MODE SENSE(6) WP=1, open O_RDWR failed: EROFS,"
        + " BLKROGET=1)", v.line());
    assertTrue(v.known());
  }

  @Test
  void saysNoWhenEveryLayerSaysWritable() {
    ProbeVerdict v = ProbeVerdict.of(Optional.of(false), "MODE SENSE(10)", List.of(RW, SYSFS_RW));
    assertEquals("write-protected: no (MODE SENSE(10) WP=0, BLKROGET=0, /sys/block/sda/ro=0)", v.line());
    assertTrue(v.known());
  }

  @Test
  void reportsDisagreementWhenTheDeviceSaysProtectedButTheKernelSaysWritable() {
    ProbeVerdict v = ProbeVerdict.of(Optional.of(true), "MODE SENSE(6)", List.of(RW));
    assertEquals(ProbeVerdict.State.DISAGREE, v.state());
    assertEquals("write-protected: layers disagree: read-only by the WP bit, writable by the OS (MODE SENSE(6)"
        + " WP=1, BLKROGET=0)", v.line());
    assertFalse(v.known());
  }

  @Test
  void reportsDisagreementWhenTheKernelSetsReadOnlyOnAWritableDevice() {
    assertEquals(ProbeVerdict.State.DISAGREE,
        ProbeVerdict.of(Optional.of(false), "MODE SENSE(6)", List.of(EROFS)).state());
  }

  @Test
  void trustsTheOsAloneWhenTheDeviceTypeHasNoWpBit() {
    ProbeVerdict v = ProbeVerdict.of(Optional.empty(), "MODE SENSE(6)", List.of(RO));
    assertEquals("write-protected: yes, by the OS (BLKROGET=1)", v.line());
  }

  @Test
  void isUnknownWhenNoLayerAnswered() {
    ProbeVerdict v = ProbeVerdict.of(Optional.empty(), "MODE SENSE(6)", List.of(NONE));
    assertEquals("write-protected: unknown (no layer reported a write-protect state)", v.line());
    assertFalse(v.known());
  }

  @Test
  void swpAloneProtects() {
    ProbeVerdict v = ProbeVerdict.of(Optional.empty(), "", Optional.of(true), "MODE SENSE(6) control page",
        List.of());
    assertEquals("write-protected: yes, by the control page's SWP bit (MODE SENSE(6) control page SWP=1)",
        v.line());
  }

  @Test
  void swpZeroIsEvidenceButNoVote() {
    ProbeVerdict v = ProbeVerdict.of(Optional.of(true), "MODE SENSE(6)", Optional.of(false),
        "MODE SENSE(6) control page", List.of(RO));
    assertEquals(ProbeVerdict.State.YES, v.state());
    assertEquals(List.of(ProbeVerdict.Layer.WP_BIT, ProbeVerdict.Layer.OS), v.readOnlyLayers());
  }
}
