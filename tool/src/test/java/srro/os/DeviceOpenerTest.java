package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.NoSuchFileException;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import srro.scsi.transport.OpenMode;

class DeviceOpenerTest {
  private static final int RDWR = OpenFlags.O_RDWR.intValue();
  private static final int RDONLY = OpenFlags.O_RDONLY.intValue();

  @Test
  void opensReadWriteWhenTheOsAllowsIt() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls();
    DeviceOpener.Opened o = new DeviceOpener(sys, 0).open("/dev/sda", Platform.Access.PREFER_READ_WRITE);
    assertEquals(OpenMode.readWrite(), o.mode());
    assertEquals("read-write", o.mode().describe());
    assertEquals(List.of("open /dev/sda O_RDWR"), sys.calls);
  }

  @ParameterizedTest
  @EnumSource(names = {"EROFS", "EACCES", "EPERM"})
  void fallsBackToReadOnlyAndSaysWhy(Errno why) throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, why);
    DeviceOpener.Opened o = new DeviceOpener(sys, 0).open("/dev/sda", Platform.Access.PREFER_READ_WRITE);
    assertEquals(new OpenMode(true, why.name()), o.mode());
    assertEquals("read-only (read-write open failed: " + why.name() + ")", o.mode().describe());
    assertEquals(List.of("open /dev/sda O_RDWR", "open /dev/sda O_RDONLY"), sys.calls);
  }

  @Test
  void addsTheExtraFlagsToEveryOpen() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, Errno.EROFS);
    new DeviceOpener(sys, OpenFlags.O_NONBLOCK.intValue()).open("/dev/sg0", Platform.Access.PREFER_READ_WRITE);
    assertEquals(List.of("open /dev/sg0 O_RDWR|O_NONBLOCK", "open /dev/sg0 O_RDONLY|O_NONBLOCK"), sys.calls);
  }

  @Test
  void doesNotFallBackForOtherErrors() {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, Errno.EBUSY);
    OsCallException e =
        assertThrows(
            OsCallException.class,
            () -> new DeviceOpener(sys, 0).open("/dev/sda", Platform.Access.PREFER_READ_WRITE));
    assertEquals("EBUSY", e.errnoName());
    assertEquals(Errno.EBUSY.intValue(), e.errno());
    assertEquals("open /dev/sda O_RDWR: device or resource busy (EBUSY)", e.getMessage());
    assertEquals(List.of("open /dev/sda O_RDWR"), sys.calls);
  }

  @Test
  void readWriteAccessFailsInsteadOfFallingBack() {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, Errno.EACCES);
    OsCallException e =
        assertThrows(
            OsCallException.class, () -> new DeviceOpener(sys, 0).open("/dev/nst0", Platform.Access.READ_WRITE));
    assertEquals(
        "open /dev/nst0 O_RDWR (this command needs read-write access): permission denied (EACCES)", e.getMessage());
    assertEquals(List.of("open /dev/nst0 O_RDWR"), sys.calls);
  }

  @Test
  void namesBothErrnosWhenTheReadOnlyRetryFailsToo() {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, Errno.EROFS).failOpen(RDONLY, Errno.ENXIO);
    OsCallException e =
        assertThrows(
            OsCallException.class,
            () -> new DeviceOpener(sys, 0).open("/dev/sda", Platform.Access.PREFER_READ_WRITE));
    assertEquals("open /dev/sda O_RDONLY after O_RDWR failed with EROFS: no such device or address (ENXIO)",
        e.getMessage());
  }

  @Test
  void readOnlyAccessNeverAsksForWriting() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls();
    DeviceOpener.Opened o = new DeviceOpener(sys, 0).open("/dev/sda", Platform.Access.READ_ONLY);
    assertEquals(new OpenMode(true, ""), o.mode());
    assertEquals("read-only", o.mode().describe());
    assertEquals(List.of("open /dev/sda O_RDONLY"), sys.calls);
  }

  @Test
  void aMissingNodeIsAMissingInput() {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(RDWR, Errno.ENOENT);
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> new DeviceOpener(sys, 0).open("/dev/nosuch", Platform.Access.PREFER_READ_WRITE));
    assertEquals("/dev/nosuch", e.getFile());
  }
}
