package srro.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import srro.mounts.MountFormatException;
import srro.mounts.MountTable;
import srro.scsi.transport.ScsiDevice;

/**
 * An OpenBSD 7.7 amd64 machine made of fakes, for tests outside this package that run {@code srro check}
 * through the OpenBSD code: hw.disknames through sysctl, softraid0 behind /dev/bio ({@link FakeSoftraid}),
 * getfsstat records at the gcc offsets, dmesg text, and sd(4) disks that answer SCIOCCOMMAND.
 */
public final class FakeOpenBsd {
  /**
   * What a disk answers to MODE SENSE: the WP bit, or a driver stuff-up (softraid without the kit); or how it
   * fails before that: {@code REFUSES} answers INQUIRY with CHECK CONDITION, ILLEGAL REQUEST (asc 0x20), and
   * {@code IOCTL_EIO} has SCIOCCOMMAND itself return -1 with EIO.
   */
  public enum ModeSense {
    WRITE_PROTECTED,
    WRITABLE,
    STUFFUP,
    REFUSES,
    IOCTL_EIO
  }

  private String disknames = "";
  private final FakeSoftraid softraid = new FakeSoftraid();
  private String dmesg = "";
  private final Map<String, ModeSense> disks = new HashMap<>();
  private final ByteBuffer statfs = ByteBuffer.allocate(64 * 568).order(ByteOrder.LITTLE_ENDIAN);
  private int mounted;
  private boolean notRoot;

  public FakeOpenBsd disknames(String value) {
    this.disknames = value;
    return this;
  }

  /** A CRYPTO volume {@code dev} on data chunk {@code chunk} (e.g. sd2 on sd1a). */
  public FakeOpenBsd crypto(String dev, String chunk) {
    softraid.volume(dev, 'C', 0, new FakeSoftraid.Chunk(chunk, 1L << 30, 0));
    return this;
  }

  public FakeOpenBsd dmesg(String text) {
    this.dmesg = text;
    return this;
  }

  /** How disk {@code name} (sd1) answers MODE SENSE through /dev/rsd1c. */
  public FakeOpenBsd disk(String name, ModeSense answer) {
    disks.put("/dev/r" + name + "c", answer);
    return this;
  }

  /** An unprivileged user: /dev/bio and the raw disks (root:operator 0640) cannot be opened. */
  public FakeOpenBsd notRoot() {
    this.notRoot = true;
    return this;
  }

  private FakeSystemCalls calls() {
    FakeSystemCalls sys = new FakeSystemCalls();
    if (notRoot) {
      sys.failOpen(OpenFlags.O_RDONLY.intValue(), Errno.EACCES).failOpen(OpenFlags.O_RDWR.intValue(), Errno.EACCES);
    }
    return sys;
  }

  /** One getfsstat record, as the 7.7 kernel lays out struct statfs. */
  public FakeOpenBsd mount(String from, String on, String type, boolean readOnly) {
    int base = mounted++ * 568;
    statfs.putInt(base, (readOnly ? 0x1 : 0) | 0x1000); // MNT_RDONLY, MNT_LOCAL
    put(base + 120, type);
    put(base + 136, on);
    put(base + 226, from);
    return this;
  }

  private void put(int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    statfs.put(offset, b, 0, b.length);
  }

  /** The volume source, native path: sysctl(2), bio(4); dmesg from a runner. */
  public OpenBsdVolumes volumes() {
    FakeSystemCalls sys = calls().kernel(softraid).sysctl((k, mib, old, len) -> {
      byte[] v = (disknames + "\0").getBytes(StandardCharsets.ISO_8859_1);
      if (old != null) {
        old.put(0, v, 0, v.length);
      }
      len.putLong(0, v.length);
      return 0;
    });
    return new OpenBsdVolumes(sys, null, argv -> argv[0].equals("dmesg") ? dmesg : null, Path.of("/nonexistent"));
  }

  /** The mount table through getfsstat(2). */
  public MountTable mounts() throws OsCallException, MountFormatException {
    byte[] records = statfs.array();
    FakeSystemCalls sys = new FakeSystemCalls().getfsstat((k, buf, size, flags) -> {
      if (buf == null) {
        return mounted;
      }
      int n = (int) Math.min(mounted, size / 568);
      buf.put(0, records, 0, n * 568);
      return n;
    });
    return OpenBsdMounts.read(sys);
  }

  /** Opens a disk as OpenBsdPlatform does, read-only, with SCIOCCOMMAND answered as configured. */
  public ScsiDevice open(String rawPath) throws OsCallException, IOException {
    ModeSense answer = disks.get(rawPath);
    if (answer == null) {
      throw new java.nio.file.NoSuchFileException(rawPath);
    }
    FakeSystemCalls sys = calls().kernel((k, request, arg) -> sciocCommand(k, answer, arg));
    return new OpenBsdPlatform(sys).openScsi(rawPath, Platform.Access.READ_ONLY);
  }

  private static int sciocCommand(FakeSystemCalls sys, ModeSense answer, Pointer arg) {
    if (answer == ModeSense.IOCTL_EIO) {
      return sys.fail(Errno.EIO);
    }
    Scsireq r = new Scsireq(Runtime.getSystemRuntime());
    r.useMemory(arg);
    int opcode = r.cmd[0].get();
    byte[] data;
    if (answer == ModeSense.REFUSES) {
      byte[] sense = new byte[18];
      sense[0] = 0x70;
      sense[2] = 0x05; // ILLEGAL REQUEST
      sense[7] = 10;
      sense[12] = 0x20; // INVALID COMMAND OPERATION CODE
      for (int i = 0; i < sense.length; i++) {
        r.sense[i].set(sense[i]);
      }
      r.senselenUsed.set(sense.length);
      r.retsts.set(3); // SCCMD_SENSE
      r.status.set(2); // CHECK CONDITION
      return 0;
    }
    if (opcode == 0x12) {
      data = new byte[36];
      data[4] = 31;
      byte[] id = "OPENBSD SR CRYPTO       006 ".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(id, 0, data, 8, 28);
    } else if ((opcode == 0x1a || opcode == 0x5a) && answer == ModeSense.STUFFUP) {
      r.retsts.set(4); // SCCMD_UNKNOWN: XS_DRIVER_STUFFUP, what 7.7's sr_scsi_cmd answers MODE SENSE with
      return 0;
    } else if (opcode == 0x1a) {
      data = new byte[] {3, 0, (byte) (answer == ModeSense.WRITE_PROTECTED ? 0x80 : 0), 0};
    } else {
      r.retsts.set(4);
      return 0;
    }
    int n = (int) Math.min(data.length, r.datalen.get());
    r.databuf.get().put(0, data, 0, n);
    r.datalenUsed.set(n);
    r.retsts.set(0);
    r.status.set(0);
    return 0;
  }
}
