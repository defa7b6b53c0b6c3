package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import srro.mounts.MountFormatException;
import srro.mounts.MountTable;

/** getfsstat(2) driven by a fake kernel that hands out the gcc-written statfs records of the verifier's tests. */
class OpenBsdMountsTest {
  private static byte[] records() throws Exception {
    try (InputStream in = OpenBsdMountsTest.class.getResourceAsStream("/srro/mounts/statfs-7.7-amd64.bin")) {
      return in.readAllBytes();
    }
  }

  /** A kernel with {@code mounted} file systems (at most the fixture's five), answering as sys_getfsstat. */
  private static FakeSystemCalls kernel(int... mountedPerCall) throws Exception {
    byte[] all = records();
    int[] call = {0};
    return new FakeSystemCalls().getfsstat((sys, buf, size, flags) -> {
      assertEquals(OpenBsdMounts.MNT_NOWAIT, flags);
      int mounted = mountedPerCall[Math.min(call[0]++, mountedPerCall.length - 1)];
      if (buf == null) {
        return mounted;
      }
      int max = (int) (size / 568);
      int n = Math.min(mounted, max);
      buf.put(0, all, 0, n * 568);
      return n;
    });
  }

  @Test
  void readsEveryMountedFileSystem() throws Exception {
    FakeSystemCalls sys = kernel(5);
    MountTable t = OpenBsdMounts.read(sys);
    assertEquals("getfsstat(2)", t.source());
    assertEquals(MountTable.Format.GETFSSTAT, t.format());
    assertEquals(5, t.mounts().size());
    assertTrue(t.at("/mnt/usb").orElseThrow().readOnly());
    assertEquals(List.of("getfsstat NULL 0 2", "getfsstat buf " + 9 * 568 + " 2"), sys.calls);
  }

  @Test
  void countsAgainWhenMountsAppearedBetweenCountAndRead() throws Exception {
    // counted 0 (room 4), then five are mounted: the buffer comes back full, so count and read again
    FakeSystemCalls sys = kernel(0, 5, 5, 5);
    assertEquals(5, OpenBsdMounts.read(sys).mounts().size());
    assertEquals(4, sys.calls.size());
  }

  @Test
  void givesUpWhenTheTableKeepsGrowing() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().getfsstat((k, buf, size, flags) -> buf == null ? 0 : 4);
    OsCallException e = assertThrows(OsCallException.class, () -> OpenBsdMounts.read(sys));
    assertEquals("getfsstat: the mount table kept growing while it was read (EAGAIN)", e.getMessage());
  }

  @Test
  void moreRecordsThanTheBufferHoldsIsMalformed() {
    FakeSystemCalls sys = new FakeSystemCalls().getfsstat((k, buf, size, flags) -> buf == null ? 1 : 6);
    MountFormatException e = assertThrows(MountFormatException.class, () -> OpenBsdMounts.read(sys));
    assertEquals("getfsstat returned 6 records for a buffer of 5", e.getMessage());
  }

  @Test
  void aFailingCallNamesItsErrno() {
    FakeSystemCalls sys = new FakeSystemCalls().getfsstat((k, buf, size, flags) -> k.fail(Errno.EFAULT));
    OsCallException e = assertThrows(OsCallException.class, () -> OpenBsdMounts.read(sys));
    assertEquals("EFAULT", e.errnoName());
    assertTrue(e.getMessage().startsWith("getfsstat: bad address"), e.getMessage());
  }
}
