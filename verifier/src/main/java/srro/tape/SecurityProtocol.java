package srro.tape;

import srro.scsi.Command;
import srro.scsi.DataDirection;

/**
 * The SECURITY PROTOCOL IN / OUT commands srro sends for tape data encryption: which protocol and page each
 * one asks for, and the CDBs (SPC-4 §6.40 SECURITY PROTOCOL IN, §6.41 SECURITY PROTOCOL OUT; the tape data
 * encryption pages are SSC-4 §8.5).
 */
final class SecurityProtocol {
  /** SPC-4 §7.7.1: security protocol information (supported protocols list, certificate). */
  static final int INFORMATION = 0x00;
  /** SSC-4 §8.5: tape data encryption. */
  static final int TAPE_DATA_ENCRYPTION = 0x20;

  /** SPC-4 §7.7.1.2 supported security protocols list (protocol 0x00). */
  static final int SUPPORTED_PROTOCOLS = 0x0000;
  /** SSC-4 §8.5.2.2 tape data encryption in support page. */
  static final int IN_SUPPORT_PAGE = 0x0000;
  /** SSC-4 §8.5.2.4 data encryption capabilities page. */
  static final int CAPABILITIES_PAGE = 0x0010;
  /** SSC-4 §8.5.2.7 data encryption status page. */
  static final int STATUS_PAGE = 0x0020;
  /** SSC-4 §8.5.2.8 next block encryption status page. */
  static final int NEXT_BLOCK_PAGE = 0x0021;
  /** SSC-4 §8.5.3.2 set data encryption page (SECURITY PROTOCOL OUT). */
  static final int SET_DATA_ENCRYPTION_PAGE = 0x0010;

  /** What srro allocates for every SECURITY PROTOCOL IN reply (stenc uses the same). */
  static final int ALLOCATION_LENGTH = 8192;

  static final int TIMEOUT_MILLIS = 30_000;

  private SecurityProtocol() {}

  /** SECURITY PROTOCOL IN (SPC-4 §6.40) for {@code protocol} and page {@code specific}. */
  static Command in(int protocol, int specific) {
    byte[] cdb = cdb(0xa2, protocol, specific, ALLOCATION_LENGTH);
    return new Command(
        String.format("SECURITY PROTOCOL IN protocol 0x%02x specific 0x%04x", protocol, specific),
        cdb, DataDirection.FROM_DEVICE, new byte[0], ALLOCATION_LENGTH, TIMEOUT_MILLIS);
  }

  /**
   * SECURITY PROTOCOL OUT (SPC-4 §6.41) carrying {@code parameterList} (not copied: {@link Command#wipe()}
   * zeroes it once sent, because it holds the key).
   */
  static Command out(int protocol, int specific, byte[] parameterList) {
    byte[] cdb = cdb(0xb5, protocol, specific, parameterList.length);
    return new Command(
        String.format("SECURITY PROTOCOL OUT protocol 0x%02x specific 0x%04x", protocol, specific),
        cdb, DataDirection.TO_DEVICE, parameterList, 0, TIMEOUT_MILLIS);
  }

  /** Byte 1 protocol, 2-3 protocol specific, 4 INC_512 0 (lengths in bytes), 6-9 length, 11 control 0. */
  private static byte[] cdb(int opcode, int protocol, int specific, int length) {
    byte[] cdb = new byte[12];
    cdb[0] = (byte) opcode;
    cdb[1] = (byte) protocol;
    cdb[2] = (byte) (specific >> 8);
    cdb[3] = (byte) specific;
    cdb[6] = (byte) (length >>> 24);
    cdb[7] = (byte) (length >> 16);
    cdb[8] = (byte) (length >> 8);
    cdb[9] = (byte) length;
    return cdb;
  }
}
