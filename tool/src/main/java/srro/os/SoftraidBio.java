package srro.os;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import srro.mounts.OpenBsdDisks.SoftraidVolume;

/**
 * The softraid volumes and their chunks through the bio(4) ioctls, the way bioctl(8) lists them: BIOCLOCATE
 * "softraid0" on /dev/bio for the cookie, BIOCINQ for the number of volumes, BIOCVOL for each, BIOCDISK for
 * each of its disks. The descriptor is read-only (bioioctl() does not ask for write access; a check never
 * needs it). Since bioioctl() returns 0 when softraid failed a request, every reply's bio_status is checked
 * too. Hot spares and unused disks are listed by softraid as volumes of their own; they belong to no volume and
 * are left out. A CRYPTO or RAID1C volume's key disk (the last disk, size 0: softraid lists it after the
 * chunks) is not a data chunk, though bioctl labels it only for CRYPTO.
 */
final class SoftraidBio {
  private SoftraidBio() {}

  static final String DEVICE = "/dev/bio";
  /** More volumes or disks a volume than softraid could have (SR_MAX_LD is 256 chunks per volume). */
  static final int LIMIT = 1024;

  private static final int LEVEL_HOT_SPARE = -1;
  private static final int LEVEL_UNUSED = -2;
  private static final String[] VOLUME_STATUS = {
    "Online", "Offline", "Degraded", "Building", "Scrubbing", "Rebuild"
  };

  /** The volumes of {@code controller} ("softraid0"). */
  static List<SoftraidVolume> read(SystemCalls sys, String controller) throws OsCallException, NoSuchFileException {
    int fd = new DeviceOpener(sys, 0).open(DEVICE, Platform.Access.READ_ONLY).fd();
    try {
      return read(sys, fd, controller);
    } finally {
      sys.close(fd);
    }
  }

  private static List<SoftraidVolume> read(SystemCalls sys, int fd, String controller) throws OsCallException {
    Runtime rt = sys.runtime();
    Bio.Locate locate = direct(rt, new Bio.Locate(rt));
    byte[] name = (controller + "\0").getBytes(StandardCharsets.US_ASCII);
    Pointer nameMemory = Memory.allocateDirect(rt, name.length, true);
    nameMemory.put(0, name, 0, name.length);
    locate.name.set(nameMemory);
    call(sys, fd, Bio.BIOCLOCATE, "BIOCLOCATE " + controller, locate);
    Reference.reachabilityFence(nameMemory);
    Pointer cookie = locate.cookie.get();

    Bio.Inq inq = direct(rt, new Bio.Inq(rt));
    inq.cookie.set(cookie);
    call(sys, fd, Bio.BIOCINQ, "BIOCINQ " + controller, inq);
    int volumes = bounded(inq.novol.get(), "BIOCINQ " + controller, "bi_novol");

    List<SoftraidVolume> out = new ArrayList<>();
    for (int v = 0; v < volumes; v++) {
      Bio.Vol vol = direct(rt, new Bio.Vol(rt));
      vol.cookie.set(cookie);
      vol.volid.set(v);
      vol.percent.set(-1);
      String what = "BIOCVOL " + controller + " volume " + v;
      call(sys, fd, Bio.BIOCVOL, what, vol);
      int level = vol.level.get();
      if (level == LEVEL_HOT_SPARE || level == LEVEL_UNUSED) {
        continue;
      }
      int disks = bounded(vol.nodisk.get(), what, "bv_nodisk");
      List<String> chunks = new ArrayList<>();
      Optional<String> keyDisk = Optional.empty();
      for (int d = 0; d < disks; d++) {
        Bio.Disk disk = direct(rt, new Bio.Disk(rt));
        disk.cookie.set(cookie);
        disk.volid.set(v);
        disk.diskid.set(d);
        disk.patrolPercent.set(-1);
        call(sys, fd, Bio.BIOCDISK, "BIOCDISK " + controller + " volume " + v + " disk " + d, disk);
        String chunk = Bio.string(disk, disk.vendor[0], disk.vendor.length);
        if ((level == 'C' || level == 0x1C) && d == disks - 1 && disk.size.get() == 0) {
          keyDisk = Optional.of(chunk);
        } else {
          chunks.add(chunk);
        }
      }
      out.add(new SoftraidVolume(Bio.string(vol, vol.dev[0], vol.dev.length), status(vol.status.get()),
          level(level), chunks, keyDisk));
    }
    return out;
  }

  /** The level as bioctl(8) prints it. */
  static String level(int level) {
    return switch (level) {
      case 'C' -> "CRYPTO";
      case 'c' -> "CONCAT";
      case 0x1C, 0x1E -> "RAID" + Integer.toHexString(level).toUpperCase(java.util.Locale.ROOT);
      default -> "RAID" + Integer.toUnsignedString(level);
    };
  }

  /** The volume status as bioctl(8) prints it. */
  static String status(int status) {
    return status >= 0 && status < VOLUME_STATUS.length ? VOLUME_STATUS[status] : "Invalid";
  }

  /** {@code s} backed by zeroed native memory, so the kernel can fill it in place. */
  private static <T extends Bio.Header> T direct(Runtime rt, T s) {
    s.useMemory(Memory.allocateDirect(rt, Struct.size(s), true));
    return s;
  }

  /** Runs one bio ioctl on {@code arg} and fails on -1 or on BIO_STATUS_ERROR. */
  private static void call(SystemCalls sys, int fd, long request, String what, Bio.Header arg)
      throws OsCallException {
    if (sys.ioctl(fd, request, Struct.getMemory(arg)) == -1) {
      int errno = sys.errno();
      throw new OsCallException(
          "ioctl " + what + " " + DEVICE, errno, SystemCalls.errnoName(errno), SystemCalls.describe(errno));
    }
    String failure = arg.failure();
    if (failure != null) {
      throw new OsCallException("ioctl " + what + " " + DEVICE, 0, "BIO_STATUS_ERROR", failure);
    }
  }

  private static int bounded(int n, String what, String field) throws OsCallException {
    if (n < 0 || n > LIMIT) {
      throw new OsCallException(
          "ioctl " + what + " " + DEVICE, 0, "EINVAL", field + " is " + n + ", expected 0 to " + LIMIT);
    }
    return n;
  }
}
