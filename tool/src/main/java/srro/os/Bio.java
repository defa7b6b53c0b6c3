package srro.os;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The bio(4) ioctl arguments of OpenBSD 7.7 dev/biovar.h on amd64, as bioctl(8) uses them to list softraid
 * volumes. Every argument starts with {@code struct bio}: the controller cookie and a status the kernel fills
 * in. bioioctl() returns 0 even when the controller failed the request, so {@link Header#failure()} must be
 * asked after every call. BioTest pins sizes and offsets to gcc's layout of the real header.
 */
final class Bio {
  private Bio() {}

  static final long BIOCLOCATE = Ioccom.iowr('B', 0, 704);
  static final long BIOCINQ = Ioccom.iowr('B', 32, 720);
  static final long BIOCDISK = Ioccom.iowr('B', 33, 816);
  static final long BIOCVOL = Ioccom.iowr('B', 34, 784);

  static final int BIO_STATUS_ERROR = 2;
  static final int BIO_MSG_COUNT = 5;
  static final int BIO_MSG_LEN = 128;
  /** {@code sizeof(struct bio_msg)}: an int type and the message. */
  static final int BIO_MSG_BYTES = 4 + BIO_MSG_LEN;

  /**
   * {@code struct bio}: the cookie then {@code struct bio_status}, 696 bytes with the 4 bytes of padding gcc puts
   * at its end. Each argument extends it rather than nesting it with {@code inner()}, which lays a nested struct
   * out without that padding and shifts every later field by 4.
   */
  static class Header extends Struct {
    final Pointer cookie = new Pointer();
    final Unsigned8[] controller = array(new Unsigned8[16]);
    final Signed32 status = new Signed32();
    final Signed32 msgCount = new Signed32();
    final Unsigned8[] msgs = array(new Unsigned8[BIO_MSG_COUNT * BIO_MSG_BYTES]);
    final Unsigned8[] padding = array(new Unsigned8[4]);

    Header(Runtime runtime) {
      super(runtime, new Alignment(8));
    }

    /** The controller's messages when it reports BIO_STATUS_ERROR, else null. */
    java.lang.String failure() {
      if (status.get() != BIO_STATUS_ERROR) {
        return null;
      }
      List<java.lang.String> out = new ArrayList<>();
      int n = Math.max(0, Math.min(msgCount.get(), BIO_MSG_COUNT));
      for (int i = 0; i < n; i++) {
        out.add(string(this, msgs[i * BIO_MSG_BYTES + 4], BIO_MSG_LEN));
      }
      return out.isEmpty() ? "unknown error" : java.lang.String.join("; ", out);
    }
  }

  /** {@code struct bio_locate}: a controller name ("softraid0") to a cookie. */
  static final class Locate extends Header {
    final Pointer name = new Pointer();

    Locate(Runtime runtime) {
      super(runtime);
    }
  }

  /** {@code struct bioc_inq}: how many volumes (hot spares count as volumes) the controller has. */
  static final class Inq extends Header {
    final Unsigned8[] dev = array(new Unsigned8[16]);
    final Signed32 novol = new Signed32();
    final Signed32 nodisk = new Signed32();

    Inq(Runtime runtime) {
      super(runtime);
    }
  }

  /** {@code struct bioc_vol}: one volume; level 'C' is CRYPTO, -1 a hot spare, -2 an unused disk. */
  static final class Vol extends Header {
    final Signed32 volid = new Signed32();
    final Signed16 percent = new Signed16();
    final Unsigned16 seconds = new Unsigned16();
    final Signed32 status = new Signed32();
    final Unsigned64 size = new Unsigned64();
    final Signed32 level = new Signed32();
    final Signed32 nodisk = new Signed32();
    final Signed32 cache = new Signed32();
    final Unsigned8[] dev = array(new Unsigned8[16]);
    final Unsigned8[] vendor = array(new Unsigned8[32]);

    Vol(Runtime runtime) {
      super(runtime);
    }
  }

  /** {@code struct bioc_disk}: one chunk of a volume; softraid puts the chunk's device name in the vendor. */
  static final class Disk extends Header {
    final Unsigned16 channel = new Unsigned16();
    final Unsigned16 target = new Unsigned16();
    final Unsigned16 lun = new Unsigned16();
    final Unsigned16 otherId = new Unsigned16();
    final Signed32 volid = new Signed32();
    final Signed32 diskid = new Signed32();
    final Signed32 status = new Signed32();
    final Unsigned64 size = new Unsigned64();
    final Unsigned8[] vendor = array(new Unsigned8[32]);
    final Unsigned8[] serial = array(new Unsigned8[32]);
    final Unsigned8[] procdev = array(new Unsigned8[16]);
    final Signed32 patrolPercent = new Signed32();
    final Signed32 patrolSeconds = new Signed32();

    Disk(Runtime runtime) {
      super(runtime);
    }
  }

  /** The NUL-terminated string of at most {@code size} bytes starting at {@code first}. */
  static String string(Struct s, Struct.Unsigned8 first, int size) {
    byte[] b = new byte[size];
    Struct.getMemory(s).get(first.offset(), b, 0, size);
    int n = 0;
    while (n < size && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.ISO_8859_1);
  }
}
