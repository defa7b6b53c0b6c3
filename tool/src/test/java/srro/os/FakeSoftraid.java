package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.ffi.Pointer;

/**
 * softraid0 behind /dev/bio as the 7.7 kernel answers (dev/bio.c, sr_ioctl_inq/vol/disk): volumes first, then
 * hot spares as one-disk volumes of level -1. Reads requests and writes replies at the byte offsets gcc gave
 * for dev/biovar.h (see BioTest), not through srro's own structs, so a wrong struct would show here.
 */
final class FakeSoftraid implements FakeSystemCalls.Kernel {
  static final long COOKIE = 0x5eed_c0de_0000L;

  record Chunk(String name, long size, int status) {}

  record Vol(String dev, int level, int status, List<Chunk> chunks) {}

  final List<Vol> volumes = new ArrayList<>();
  /** Set: every request of this kind fails through bio_status (ioctl still returns 0, as bioioctl does). */
  long failThroughStatus = -1;
  String controller = "softraid0";

  FakeSoftraid volume(String dev, int level, int status, Chunk... chunks) {
    volumes.add(new Vol(dev, level, status, List.of(chunks)));
    return this;
  }

  @Override
  public int ioctl(FakeSystemCalls sys, long request, Pointer arg) {
    if (request == Bio.BIOCLOCATE) {
      String name = arg.getPointer(696).getString(0);
      if (!name.equals(controller)) {
        return sys.fail(Errno.ENOENT);
      }
      arg.putLong(0, COOKIE);
      return 0;
    }
    if (arg.getLong(0) != COOKIE) {
      return sys.fail(Errno.ENOENT); // bio_validate
    }
    if (request == failThroughStatus) {
      arg.putInt(24, Bio.BIO_STATUS_ERROR);
      arg.putInt(28, 1);
      putString(arg, 32 + 4, "softraid0: volume 0 not found");
      return 0;
    }
    arg.putInt(24, 1); // BIO_STATUS_SUCCESS
    if (request == Bio.BIOCINQ) {
      putString(arg, 696, controller);
      arg.putInt(712, volumes.size());
      arg.putInt(716, volumes.stream().mapToInt(v -> v.chunks().size()).sum());
      return 0;
    }
    if (request == Bio.BIOCVOL) {
      int id = arg.getInt(696);
      assertEquals(-1, arg.getShort(700), "bioctl sets bv_percent to -1 before asking");
      if (id < 0 || id >= volumes.size()) {
        arg.putInt(24, Bio.BIO_STATUS_ERROR); // sr_ioctl_vol's EINVAL, swallowed by bioioctl
        return 0;
      }
      Vol v = volumes.get(id);
      arg.putInt(704, v.status());
      arg.putLong(712, 1L << 30);
      arg.putInt(720, v.level());
      arg.putInt(724, v.chunks().size());
      putString(arg, 732, v.dev());
      putString(arg, 748, "OPENBSD SR " + v.dev());
      return 0;
    }
    if (request == Bio.BIOCDISK) {
      int vol = arg.getInt(704);
      int disk = arg.getInt(708);
      if (vol < 0 || vol >= volumes.size() || disk < 0 || disk >= volumes.get(vol).chunks().size()) {
        arg.putInt(24, Bio.BIO_STATUS_ERROR);
        return 0;
      }
      Chunk c = volumes.get(vol).chunks().get(disk);
      arg.putShort(696, (short) vol);
      arg.putShort(698, (short) disk);
      arg.putInt(712, c.status());
      arg.putLong(720, c.size());
      putString(arg, 728, c.name());
      return 0;
    }
    return sys.fail(Errno.ENOTTY);
  }

  private static void putString(Pointer p, long offset, String s) {
    byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
    p.put(offset, b, 0, b.length);
  }
}
