package srro.tape;

import srro.scsi.Cdbs;
import srro.scsi.transport.Command;

/**
 * The SECURITY PROTOCOL IN / OUT commands srro sends for tape data encryption: which protocol and page each
 * one asks for; the CDBs come from {@link Cdbs} (SPC-4 §6.40 SECURITY PROTOCOL IN, §6.41 SECURITY PROTOCOL
 * OUT; the tape data encryption pages are SSC-4 §8.5).
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
    return Cdbs.securityProtocolIn(protocol, specific, ALLOCATION_LENGTH, TIMEOUT_MILLIS);
  }

  /**
   * SECURITY PROTOCOL OUT (SPC-4 §6.41) carrying {@code parameterList} (not copied: {@link Command#wipe()}
   * zeroes it once sent, because it holds the key).
   */
  static Command out(int protocol, int specific, byte[] parameterList) {
    return Cdbs.securityProtocolOut(protocol, specific, parameterList, TIMEOUT_MILLIS);
  }
}
