package srro.scsi;

import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;

/**
 * Builders for the command descriptor blocks srro sends, each returning a complete {@link Command}. Field
 * layouts follow SPC-4 (T10/BSR INCITS 513); allocation lengths are capped at {@link Command#MAX_TRANSFER}
 * because OpenBSD's scsi_ioctl.c rejects larger transfers with EINVAL.
 */
public final class Cdbs {
  /** Timeout for the short inquiry-type commands built here. */
  public static final int DEFAULT_TIMEOUT_MILLIS = 30_000;

  /** REQUEST SENSE returns at most 252 bytes (SPC-4 §6.29, allocation length is one byte). */
  public static final int MAX_SENSE_LENGTH = 252;

  static final int TEST_UNIT_READY = 0x00;
  static final int REQUEST_SENSE = 0x03;
  static final int INQUIRY = 0x12;
  static final int MODE_SENSE_6 = 0x1a;
  static final int MODE_SENSE_10 = 0x5a;
  static final int SECURITY_PROTOCOL_IN = 0xa2;
  static final int SECURITY_PROTOCOL_OUT = 0xb5;

  private Cdbs() {}

  /** TEST UNIT READY (SPC-4 §6.47): six bytes, no data. */
  public static Command testUnitReady() {
    return new Command(
        "TEST UNIT READY", new byte[6], DataDirection.NONE, new byte[0], 0, DEFAULT_TIMEOUT_MILLIS);
  }

  /** REQUEST SENSE (SPC-4 §6.29) with DESC=0 (fixed format requested), allocation length 1..252. */
  public static Command requestSense(int allocationLength) {
    range("allocation length", allocationLength, 1, MAX_SENSE_LENGTH);
    byte[] cdb = new byte[6];
    cdb[0] = REQUEST_SENSE;
    cdb[4] = (byte) allocationLength;
    return fromDevice("REQUEST SENSE", cdb, allocationLength);
  }

  /** Standard INQUIRY (SPC-4 §6.6): EVPD=0, page code 0, allocation length 1..65535 (two bytes). */
  public static Command inquiry(int allocationLength) {
    range("allocation length", allocationLength, 1, 0xffff);
    return fromDevice("INQUIRY", inquiryCdb(false, 0, allocationLength), allocationLength);
  }

  /**
   * INQUIRY with EVPD=1 for the vital product data page {@code pageCode} (SPC-4 §6.6, §7.8): 0x00 supported
   * pages, 0x80 unit serial number, 0x83 device identification.
   */
  public static Command inquiryVpd(int pageCode, int allocationLength) {
    range("vpd page code", pageCode, 0, 0xff);
    range("allocation length", allocationLength, 1, 0xffff);
    return fromDevice(
        String.format("INQUIRY VPD page 0x%02x", pageCode),
        inquiryCdb(true, pageCode, allocationLength),
        allocationLength);
  }

  private static byte[] inquiryCdb(boolean evpd, int pageCode, int allocationLength) {
    byte[] cdb = new byte[6];
    cdb[0] = INQUIRY;
    cdb[1] = (byte) (evpd ? 1 : 0);
    cdb[2] = (byte) pageCode;
    cdb[3] = (byte) (allocationLength >> 8);
    cdb[4] = (byte) allocationLength;
    return cdb;
  }

  /**
   * MODE SENSE(6) (SPC-4 §6.11): byte 1 DBD (bit 3), byte 2 PC (bits 7-6) and page code (bits 5-0), byte 3
   * subpage code, byte 4 allocation length 1..255.
   */
  public static Command modeSense6(
      int pageCode, int subpageCode, PageControl pageControl, boolean disableBlockDescriptors,
      int allocationLength) {
    range("page code", pageCode, 0, 0x3f);
    range("subpage code", subpageCode, 0, 0xff);
    range("allocation length", allocationLength, 1, 0xff);
    byte[] cdb = new byte[6];
    cdb[0] = MODE_SENSE_6;
    cdb[1] = (byte) (disableBlockDescriptors ? 0x08 : 0);
    cdb[2] = (byte) ((pageControl.code() << 6) | pageCode);
    cdb[3] = (byte) subpageCode;
    cdb[4] = (byte) allocationLength;
    return fromDevice(modeSenseName("MODE SENSE(6)", pageCode, subpageCode, pageControl), cdb, allocationLength);
  }

  /**
   * MODE SENSE(10) (SPC-4 §6.12): byte 1 LLBAA (bit 4) and DBD (bit 3), byte 2 PC and page code, byte 3
   * subpage code, bytes 7-8 allocation length 1..65535 (and at most {@link Command#MAX_TRANSFER}).
   */
  public static Command modeSense10(
      int pageCode, int subpageCode, PageControl pageControl, boolean disableBlockDescriptors,
      boolean longLbaAccepted, int allocationLength) {
    range("page code", pageCode, 0, 0x3f);
    range("subpage code", subpageCode, 0, 0xff);
    range("allocation length", allocationLength, 1, 0xffff);
    byte[] cdb = new byte[10];
    cdb[0] = MODE_SENSE_10;
    cdb[1] = (byte) ((longLbaAccepted ? 0x10 : 0) | (disableBlockDescriptors ? 0x08 : 0));
    cdb[2] = (byte) ((pageControl.code() << 6) | pageCode);
    cdb[3] = (byte) subpageCode;
    cdb[7] = (byte) (allocationLength >> 8);
    cdb[8] = (byte) allocationLength;
    return fromDevice(
        modeSenseName("MODE SENSE(10)", pageCode, subpageCode, pageControl), cdb, allocationLength);
  }

  private static String modeSenseName(String op, int page, int subpage, PageControl pc) {
    String s = String.format("%s page 0x%02x", op, page);
    if (subpage != 0) {
      s += String.format(" subpage 0x%02x", subpage);
    }
    return pc == PageControl.CURRENT ? s : s + " " + pc.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * SECURITY PROTOCOL IN (SPC-4 §6.31, opcode 0xA2): byte 1 security protocol, bytes 2-3 security protocol
   * specific, byte 4 bit 7 INC_512 (left 0: lengths count bytes), bytes 6-9 allocation length.
   */
  public static Command securityProtocolIn(
      int securityProtocol, int protocolSpecific, int allocationLength, int timeoutMillis) {
    range("security protocol", securityProtocol, 0, 0xff);
    range("security protocol specific", protocolSpecific, 0, 0xffff);
    range("allocation length", allocationLength, 1, Command.MAX_TRANSFER);
    byte[] cdb = securityCdb(SECURITY_PROTOCOL_IN, securityProtocol, protocolSpecific, allocationLength);
    return new Command(
        String.format("SECURITY PROTOCOL IN protocol 0x%02x specific 0x%04x", securityProtocol, protocolSpecific),
        cdb, DataDirection.FROM_DEVICE, new byte[0], allocationLength, timeoutMillis);
  }

  /**
   * SECURITY PROTOCOL OUT (SPC-4 §6.32, opcode 0xB5): the same layout as SECURITY PROTOCOL IN with bytes 6-9
   * the transfer length of {@code parameterList}. The list is not copied: {@link Command#wipe()} zeroes the
   * caller's array, which may hold a key.
   */
  public static Command securityProtocolOut(
      int securityProtocol, int protocolSpecific, byte[] parameterList, int timeoutMillis) {
    range("security protocol", securityProtocol, 0, 0xff);
    range("security protocol specific", protocolSpecific, 0, 0xffff);
    range("transfer length", parameterList.length, 1, Command.MAX_TRANSFER);
    byte[] cdb =
        securityCdb(SECURITY_PROTOCOL_OUT, securityProtocol, protocolSpecific, parameterList.length);
    return new Command(
        String.format("SECURITY PROTOCOL OUT protocol 0x%02x specific 0x%04x", securityProtocol, protocolSpecific),
        cdb, DataDirection.TO_DEVICE, parameterList, 0, timeoutMillis);
  }

  private static byte[] securityCdb(int opcode, int protocol, int specific, int length) {
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

  private static Command fromDevice(String name, byte[] cdb, int allocationLength) {
    return new Command(
        name, cdb, DataDirection.FROM_DEVICE, new byte[0], allocationLength, DEFAULT_TIMEOUT_MILLIS);
  }

  private static void range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
    }
  }
}
