package srro.os;

/** OpenBSD sys/ioccom.h: how an ioctl request number encodes direction, argument size, group and number. */
final class Ioccom {
  private Ioccom() {}

  private static final long IOC_INOUT = 0x40000000L | 0x80000000L;
  private static final long IOCPARM_MASK = 0x1fff;

  /** {@code _IOWR(group, num, len)}: the argument is copied in and back out. */
  static long iowr(char group, int num, int len) {
    return IOC_INOUT | ((len & IOCPARM_MASK) << 16) | ((long) group << 8) | num;
  }
}
