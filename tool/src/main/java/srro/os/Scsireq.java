package srro.os;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * OpenBSD {@code scsireq_t} (sys/scsiio.h 1.10), 120 bytes on amd64 with 7 padding bytes after {@code cmdlen}.
 * ScsireqTest compares the size, every offset and SCIOCCOMMAND with what clang compiles from the 7.7 header.
 */
final class Scsireq extends Struct {
  /** {@code _IOWR('Q', 1, scsireq_t)}. */
  static final long SCIOCCOMMAND = Ioccom.iowr('Q', 1, 120);

  static final int SCCMD_READ = 0x1;
  static final int SCCMD_WRITE = 0x2;
  static final int CMDBUFLEN = 16;
  static final int SENSEBUFLEN = 48;

  final UnsignedLong flags = new UnsignedLong();
  /** Milliseconds. */
  final UnsignedLong timeout = new UnsignedLong();
  final Unsigned8[] cmd = array(new Unsigned8[CMDBUFLEN]);
  final Unsigned8 cmdlen = new Unsigned8();
  final Pointer databuf = new Pointer();
  final UnsignedLong datalen = new UnsignedLong();
  final UnsignedLong datalenUsed = new UnsignedLong();
  final Unsigned8[] sense = array(new Unsigned8[SENSEBUFLEN]);
  final Unsigned8 senselen = new Unsigned8();
  final Unsigned8 senselenUsed = new Unsigned8();
  final Unsigned8 status = new Unsigned8();
  final Unsigned8 retsts = new Unsigned8();
  final Signed32 error = new Signed32();

  Scsireq(Runtime runtime) {
    super(runtime, new Alignment(8));
  }
}
