package srro.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.TransportStatus;

class LinuxScsiDeviceTest {
  private static final byte[] INQUIRY = {0x12, 0, 0, 0, 36, 0};

  private static LinuxScsiDevice device(FakeSystemCalls sys, OpenMode mode, Path sysRoot) {
    return device(sys, mode, sysRoot, "/dev/sda");
  }

  private static LinuxScsiDevice device(FakeSystemCalls sys, OpenMode mode, Path sysRoot, String path) {
    return new LinuxScsiDevice(sys, path, new DeviceOpener.Opened(7, mode), sysRoot);
  }

  /** A kernel stand-in that checks what srro put in the sg_io_hdr and answers like sg.c does. */
  private static int answer(FakeSystemCalls sys, long request, Pointer arg) {
    assertEquals(SgIoHeader.SG_IO, request);
    SgIoHeader h = new SgIoHeader(Runtime.getSystemRuntime());
    h.useMemory(arg);
    assertEquals('S', h.interfaceId.get());
    assertEquals(SgIoHeader.SG_DXFER_FROM_DEV, h.dxferDirection.get());
    assertEquals(6, h.cmdLen.get());
    assertEquals(36, h.dxferLen.get());
    assertEquals(SgIoHeader.SENSE_BUFFER_LENGTH, h.mxSbLen.get());
    assertEquals(5000, h.timeout.get());
    assertEquals(0x12, h.cmdp.get().getByte(0));
    h.dxferp.get().put(0, new byte[] {0, 0, 5, 2}, 0, 4);
    h.sbp.get().put(0, new byte[] {0x70, 0, 5, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x24, 0, 0, 0, 0, 0}, 0, 18);
    h.sbLenWr.set(18);
    h.status.set(0x02);
    h.hostStatus.set(0x07);
    h.driverStatus.set(0x08);
    h.resid.set(32);
    h.duration.set(12);
    h.info.set(1);
    return 0;
  }

  @Test
  void reportsEverySgIoHeaderFieldTheKernelFilledIn() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().kernel(LinuxScsiDeviceTest::answer);
    Reply r = device(sys, OpenMode.readWrite(), Path.of("/nonexistent"))
        .execute(new Command("INQUIRY", INQUIRY, DataDirection.FROM_DEVICE, new byte[0], 36, 5000));
    TransportStatus.SgIo s = (TransportStatus.SgIo) r.status();
    assertEquals(0, s.ioctlErrno());
    assertEquals("", s.errnoName());
    assertEquals(1, s.info());
    assertEquals(7, s.hostStatus());
    assertEquals(8, s.driverStatus());
    assertEquals(2, s.scsiStatus());
    assertEquals(32, s.resid());
    assertEquals(12, s.durationMillis());
    assertEquals(18, s.sense().length);
    assertEquals(0x70, s.sense()[0]);
    assertEquals(36, r.data().length);
    assertArrayEquals(new byte[] {0, 0, 5, 2, 0}, java.util.Arrays.copyOf(r.data(), 5));
    assertEquals(List.of("ioctl 7 0x2285"), sys.calls);
  }

  @Test
  void reportsTheErrnoOfAFailedIoctlAsAReplyNotAnException() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, req, arg) -> k.fail(Errno.EINVAL));
    Reply r = device(sys, OpenMode.readWrite(), Path.of("/nonexistent"))
        .execute(new Command("TEST UNIT READY", new byte[6], DataDirection.NONE, new byte[0], 0, 1000));
    TransportStatus.SgIo s = (TransportStatus.SgIo) r.status();
    assertEquals(Errno.EINVAL.intValue(), s.ioctlErrno());
    assertEquals("EINVAL", s.errnoName());
    assertEquals(0, s.sense().length);
    assertEquals(0, r.data().length);
  }

  @Test
  void sendsDataOutAndWipesItsNativeCopy() throws Exception {
    Pointer[] seen = new Pointer[1];
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, req, arg) -> {
      SgIoHeader h = new SgIoHeader(Runtime.getSystemRuntime());
      h.useMemory(arg);
      assertEquals(SgIoHeader.SG_DXFER_TO_DEV, h.dxferDirection.get());
      assertEquals(4, h.dxferLen.get());
      seen[0] = h.dxferp.get();
      assertEquals(0x5a, seen[0].getByte(3));
      return 0;
    });
    byte[] cdb = {(byte) 0xb5, 0x20, 0, 0x10, 0, 0, 0, 0, 0, 4, 0, 0};
    Reply r = device(sys, OpenMode.readWrite(), Path.of("/nonexistent"))
        .execute(new Command("SPOUT", cdb, DataDirection.TO_DEVICE, new byte[] {1, 2, 3, 0x5a}, 0, 1000));
    assertEquals(0, r.data().length);
    assertEquals(0, seen[0].getInt(0));
  }

  @Test
  void refusesCommandsAfterClose() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls();
    LinuxScsiDevice d = device(sys, OpenMode.readWrite(), Path.of("/nonexistent"));
    d.close();
    d.close();
    assertEquals(List.of("close 7"), sys.calls);
    IOException e = assertThrows(IOException.class,
        () -> d.execute(new Command("TEST UNIT READY", new byte[6], DataDirection.NONE, new byte[0], 0, 1000)));
    assertEquals("/dev/sda: device is closed", e.getMessage());
  }

  @Test
  void reportsAFailedClose() {
    FakeSystemCalls sys = new FakeSystemCalls();
    sys.closeErrno = Errno.EIO.intValue();
    IOException e = assertThrows(IOException.class, () -> device(sys, OpenMode.readWrite(), Path.of("/x")).close());
    assertEquals("/dev/sda: close: input/output error (EIO)", e.getMessage());
  }

  @Test
  void decodesDeviceNumbersLikeGlibc() {
    long sda = (8L << 8) | 0;
    assertEquals(8, LinuxScsiDevice.major(sda));
    assertEquals(0, LinuxScsiDevice.minor(sda));
    long big = ((259L & 0xfff) << 8) | ((259L & ~0xfffL) << 32) | (300L & 0xff) | ((300L & ~0xffL) << 12);
    assertEquals(259, LinuxScsiDevice.major(big));
    assertEquals(300, LinuxScsiDevice.minor(big));
  }

  @Test
  void findsTheRoAttributeOfABlockNodeAndNamesItByDisk(@TempDir Path sys) throws IOException {
    Path disk = Files.createDirectories(sys.resolve("devices/virtio/host0/block/sdb"));
    Files.writeString(disk.resolve("ro"), "1\n");
    Files.createDirectories(sys.resolve("dev/block"));
    Files.createSymbolicLink(sys.resolve("dev/block/8:16"), disk);
    Optional<Path> ro = LinuxScsiDevice.roAttribute(sys, true, (8L << 8) | 16);
    assertTrue(ro.isPresent());
    assertEquals(new ReadOnlyFlag("/sys/block/sdb/ro", ReadOnlyFlag.Reading.READ_ONLY, "1"),
        LinuxScsiDevice.readRo(ro.get()));
  }

  @Test
  void findsTheDiskBehindAnSgNode(@TempDir Path sys) throws IOException {
    Path disk = Files.createDirectories(sys.resolve("devices/host0/target0/0:0:0:0/block/sda"));
    Files.writeString(disk.resolve("ro"), "0\n");
    Path sg = Files.createDirectories(sys.resolve("devices/host0/target0/0:0:0:0/scsi_generic/sg0"));
    Files.createSymbolicLink(sg.resolve("device"), sys.resolve("devices/host0/target0/0:0:0:0"));
    Files.createDirectories(sys.resolve("dev/char"));
    Files.createSymbolicLink(sys.resolve("dev/char/21:0"), sg);
    Optional<Path> ro = LinuxScsiDevice.roAttribute(sys, false, 21L << 8);
    assertEquals(new ReadOnlyFlag("/sys/block/sda/ro", ReadOnlyFlag.Reading.READ_WRITE, "0"),
        LinuxScsiDevice.readRo(ro.orElseThrow()));
    assertEquals(Optional.empty(), LinuxScsiDevice.roAttribute(sys, false, 21L << 8 | 1));
  }

  @Test
  void saysWhenTheRoAttributeHoldsSomethingElse(@TempDir Path sys) throws IOException {
    Path disk = Files.createDirectories(sys.resolve("block/sdc"));
    Files.writeString(disk.resolve("ro"), "yes\n");
    assertEquals(new ReadOnlyFlag("/sys/block/sdc/ro", ReadOnlyFlag.Reading.UNAVAILABLE, "unexpected value 'yes'"),
        LinuxScsiDevice.readRo(disk.resolve("ro")));
  }

  @Test
  void readOnlyFlagsIncludeTheRefusedOpenAndBlkroget() throws IOException {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, req, arg) -> {
      assertEquals(SgIoHeader.BLKROGET, req);
      arg.putInt(0, 1);
      return 0;
    });
    List<ReadOnlyFlag> flags =
        device(sys, new OpenMode(true, "EROFS"), Path.of("/nonexistent"), "/dev/null").readOnlyFlags();
    assertEquals(new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, "EROFS"), flags.get(0));
    assertEquals(new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_ONLY, "1"), flags.get(1));
    assertEquals("open O_RDWR failed: EROFS", flags.get(0).describe());
    assertEquals("BLKROGET=1", flags.get(1).describe());
    assertEquals("sysfs ro unavailable (no block device behind /dev/null)", flags.get(2).describe());
  }
}
