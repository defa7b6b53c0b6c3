package srro.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.TransportStatus;

/**
 * A Linux SCSI device (sd, st, sg, sr nodes) driven with SG_IO. The transport reports every field of the
 * sg_io_hdr as the kernel left it and judges nothing; {@link srro.scsi.transport.Outcome#of} does. Never
 * read(2)s the descriptor: on a /dev/sg node that blocks forever.
 */
final class LinuxScsiDevice extends DescriptorScsiDevice {
  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFCHR = 0020000;

  private final Path sysRoot;

  LinuxScsiDevice(SystemCalls sys, String path, DeviceOpener.Opened opened, Path sysRoot) {
    super(sys, path, opened);
    this.sysRoot = sysRoot;
  }

  @Override
  Reply send(Command command, Pointer data, int length) {
    Runtime rt = sys.runtime();
    SgIoHeader h = new SgIoHeader(rt);
    Pointer header = Memory.allocateDirect(rt, Struct.size(h), true);
    h.useMemory(header);
    byte[] cdbBytes = command.cdb();
    Pointer cdb = Memory.allocateDirect(rt, cdbBytes.length, true);
    cdb.put(0, cdbBytes, 0, cdbBytes.length);
    Pointer sense = Memory.allocateDirect(rt, SgIoHeader.SENSE_BUFFER_LENGTH, true);
    h.interfaceId.set(SgIoHeader.SG_INTERFACE_ID_ORIG);
    h.dxferDirection.set(direction(command.direction()));
    h.cmdLen.set(cdbBytes.length);
    h.mxSbLen.set(SgIoHeader.SENSE_BUFFER_LENGTH);
    h.dxferLen.set(length);
    h.dxferp.set(data);
    h.cmdp.set(cdb);
    h.sbp.set(sense);
    h.timeout.set(command.timeoutMillis());
    int rc = sys.ioctl(fd(), SgIoHeader.SG_IO, header);
    int errno = rc == -1 ? sys.errno() : 0;
    int senseLength = Math.min(h.sbLenWr.get(), SgIoHeader.SENSE_BUFFER_LENGTH);
    byte[] senseBytes = new byte[senseLength];
    sense.get(0, senseBytes, 0, senseLength);
    TransportStatus status =
        new TransportStatus.SgIo(
            errno,
            errno == 0 ? "" : SystemCalls.errnoName(errno),
            (int) h.info.get(),
            h.hostStatus.get(),
            h.driverStatus.get(),
            h.status.get(),
            h.resid.get(),
            senseBytes,
            (int) h.duration.get());
    return new Reply(status, dataIn(command, data, length));
  }

  private static int direction(DataDirection d) {
    return switch (d) {
      case NONE -> SgIoHeader.SG_DXFER_NONE;
      case TO_DEVICE -> SgIoHeader.SG_DXFER_TO_DEV;
      case FROM_DEVICE -> SgIoHeader.SG_DXFER_FROM_DEV;
    };
  }

  /** BLKROGET, the sysfs {@code ro} attribute of the block device behind the node, and the open's errno. */
  @Override
  public List<ReadOnlyFlag> readOnlyFlags() throws IOException {
    List<ReadOnlyFlag> flags = new ArrayList<>();
    if (mode.readOnly() && mode.fallbackErrno().equals("EROFS")) {
      flags.add(new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, "EROFS"));
    }
    flags.add(blkroget());
    flags.add(sysfsFlag());
    return flags;
  }

  private ReadOnlyFlag blkroget() {
    Pointer value = Memory.allocateDirect(sys.runtime(), 4, true);
    if (sys.ioctl(fd(), SgIoHeader.BLKROGET, value) == -1) {
      return new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.UNAVAILABLE, SystemCalls.errnoName(sys.errno()));
    }
    int ro = value.getInt(0);
    return new ReadOnlyFlag(
        "BLKROGET", ro != 0 ? ReadOnlyFlag.Reading.READ_ONLY : ReadOnlyFlag.Reading.READ_WRITE,
        Integer.toString(ro));
  }

  private ReadOnlyFlag sysfsFlag() throws IOException {
    Path node = Path.of(path);
    int fileMode = (Integer) Files.getAttribute(node, "unix:mode");
    long rdev = (Long) Files.getAttribute(node, "unix:rdev");
    int type = fileMode & S_IFMT;
    if (type != S_IFBLK && type != S_IFCHR) {
      return new ReadOnlyFlag("sysfs ro", ReadOnlyFlag.Reading.UNAVAILABLE, "not a device node");
    }
    Optional<Path> ro = roAttribute(sysRoot, type == S_IFBLK, rdev);
    if (ro.isEmpty()) {
      return new ReadOnlyFlag("sysfs ro", ReadOnlyFlag.Reading.UNAVAILABLE, "no block device behind " + path);
    }
    return readRo(ro.get());
  }

  /**
   * The {@code ro} attribute for device number {@code rdev}: {@code <sys>/dev/block/M:m/ro} for a block node,
   * {@code <sys>/dev/char/M:m/device/block/<disk>/ro} for a character node (sg, st) with a disk behind it.
   */
  static Optional<Path> roAttribute(Path sysRoot, boolean block, long rdev) throws IOException {
    String id = major(rdev) + ":" + minor(rdev);
    if (block) {
      Path ro = sysRoot.resolve("dev/block/" + id + "/ro");
      return Files.isRegularFile(ro) ? Optional.of(ro) : Optional.empty();
    }
    Path disks = sysRoot.resolve("dev/char/" + id + "/device/block");
    if (!Files.isDirectory(disks)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(disks)) {
      return s.map(d -> d.resolve("ro")).filter(Files::isRegularFile).sorted().findFirst();
    }
  }

  /** Reads a sysfs ro file, naming it by its disk ("/sys/block/sda/ro") rather than by device number. */
  static ReadOnlyFlag readRo(Path ro) throws IOException {
    Path disk = ro.toRealPath().getParent();
    String source = "/sys/block/" + disk.getFileName() + "/ro";
    String v = Files.readString(ro, StandardCharsets.US_ASCII).trim();
    return switch (v) {
      case "1" -> new ReadOnlyFlag(source, ReadOnlyFlag.Reading.READ_ONLY, v);
      case "0" -> new ReadOnlyFlag(source, ReadOnlyFlag.Reading.READ_WRITE, v);
      default -> new ReadOnlyFlag(source, ReadOnlyFlag.Reading.UNAVAILABLE, "unexpected value '" + v + "'");
    };
  }

  /** glibc's gnu_dev_major for the 64-bit dev_t. */
  static long major(long dev) {
    return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
  }

  /** glibc's gnu_dev_minor for the 64-bit dev_t. */
  static long minor(long dev) {
    return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
  }
}
