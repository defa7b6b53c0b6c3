package srro.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;

class SysctlTest {
  /** A kernel whose node holds {@code values[i]} (NUL included) at its i-th call, as kern_sysctl answers. */
  private static FakeSystemCalls node(String... values) {
    int[] call = {0};
    return new FakeSystemCalls().sysctl((sys, mib, old, oldlen) -> {
      assertArrayEquals(new int[] {6, 8}, mib);
      byte[] v = (values[Math.min(call[0]++, values.length - 1)] + "\0").getBytes(StandardCharsets.ISO_8859_1);
      if (old == null) {
        oldlen.putLong(0, v.length);
        return 0;
      }
      if (oldlen.getLong(0) < v.length) {
        oldlen.putLong(0, v.length);
        return sys.fail(Errno.ENOMEM);
      }
      old.put(0, v, 0, v.length);
      oldlen.putLong(0, v.length);
      return 0;
    });
  }

  @Test
  void readsTheValueUpToItsNul() throws Exception {
    assertEquals("sd0:3eb7f9da875cb9ee,sd1:,cd0:",
        Sysctl.string(node("sd0:3eb7f9da875cb9ee,sd1:,cd0:"), "hw.disknames", Sysctl.HW_DISKNAMES));
  }

  @Test
  void readsAgainWhenTheValueGrewPastTheRoomLeft() throws Exception {
    String grown = "sd0:3eb7f9da875cb9ee," + "sd1:0123456789abcdef,".repeat(20);
    FakeSystemCalls sys = node("sd0:3eb7f9da875cb9ee", grown); // a disk attached between size and read
    assertEquals(grown, Sysctl.string(sys, "hw.disknames", Sysctl.HW_DISKNAMES));
    assertEquals(4, sys.calls.size());
  }

  @Test
  void aFailingCallNamesTheNode() {
    FakeSystemCalls sys = new FakeSystemCalls().sysctl((k, mib, old, len) -> k.fail(Errno.EIO));
    OsCallException e =
        assertThrows(OsCallException.class, () -> Sysctl.string(sys, "hw.disknames", Sysctl.HW_DISKNAMES));
    assertEquals("sysctl hw.disknames", e.call());
    assertEquals("EIO", e.errnoName());
  }

  @Test
  void aKernelClaimingMoreBytesThanTheBufferIsRefused() {
    FakeSystemCalls sys = new FakeSystemCalls().sysctl((k, mib, old, len) -> {
      len.putLong(0, old == null ? 10 : 1_000_000);
      return 0;
    });
    OsCallException e =
        assertThrows(OsCallException.class, () -> Sysctl.string(sys, "hw.disknames", Sysctl.HW_DISKNAMES));
    assertEquals("sysctl hw.disknames: the kernel says it wrote 1000000 bytes into a buffer of 266 (EINVAL)",
        e.getMessage());
  }

  @Test
  void aValueLargerThanTheLimitIsRefusedBeforeAllocating() {
    FakeSystemCalls sys = new FakeSystemCalls().sysctl((k, mib, old, len) -> {
      len.putLong(0, 1L << 40);
      return 0;
    });
    assertEquals("E2BIG",
        assertThrows(OsCallException.class, () -> Sysctl.string(sys, "hw.disknames", Sysctl.HW_DISKNAMES)).errnoName());
  }
}
