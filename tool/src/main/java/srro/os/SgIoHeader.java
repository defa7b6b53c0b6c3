package srro.os;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * Linux {@code struct sg_io_hdr} (include/scsi/sg.h, interface_id 'S'), 88 bytes on x86_64. The explicit
 * 8-byte alignment matters: without it JNR lays the struct out at 84 bytes and SG_IO writes past it.
 * SgIoHeaderTest compares the size, every offset and the ioctl numbers with what clang compiles from the header.
 */
final class SgIoHeader extends Struct {
  /** SG_IO, the ioctl that sends one command and waits for it. */
  static final long SG_IO = 0x2285;
  /** BLKROGET, the block layer's read-only flag (include/uapi/linux/fs.h, _IO(0x12, 94)). */
  static final long BLKROGET = 0x125e;

  static final int SG_DXFER_NONE = -1;
  static final int SG_DXFER_TO_DEV = -2;
  static final int SG_DXFER_FROM_DEV = -3;
  static final int SG_INTERFACE_ID_ORIG = 'S';
  /** Largest sense the kernel keeps (SCSI_SENSE_BUFFERSIZE); sb_len_wr never exceeds mx_sb_len. */
  static final int SENSE_BUFFER_LENGTH = 96;

  final Signed32 interfaceId = new Signed32();
  final Signed32 dxferDirection = new Signed32();
  final Unsigned8 cmdLen = new Unsigned8();
  final Unsigned8 mxSbLen = new Unsigned8();
  final Unsigned16 iovecCount = new Unsigned16();
  final Unsigned32 dxferLen = new Unsigned32();
  final Pointer dxferp = new Pointer();
  final Pointer cmdp = new Pointer();
  final Pointer sbp = new Pointer();
  /** Milliseconds. */
  final Unsigned32 timeout = new Unsigned32();
  final Unsigned32 flags = new Unsigned32();
  final Signed32 packId = new Signed32();
  final Pointer usrPtr = new Pointer();
  final Unsigned8 status = new Unsigned8();
  final Unsigned8 maskedStatus = new Unsigned8();
  final Unsigned8 msgStatus = new Unsigned8();
  final Unsigned8 sbLenWr = new Unsigned8();
  final Unsigned16 hostStatus = new Unsigned16();
  final Unsigned16 driverStatus = new Unsigned16();
  final Signed32 resid = new Signed32();
  /** Milliseconds. */
  final Unsigned32 duration = new Unsigned32();
  final Unsigned32 info = new Unsigned32();

  SgIoHeader(Runtime runtime) {
    super(runtime, new Alignment(8));
  }
}
