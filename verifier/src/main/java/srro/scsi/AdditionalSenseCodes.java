package srro.scsi;

import java.util.ArrayList;
import java.util.List;

/**
 * ASC/ASCQ text (SPC-4 §4.5.6, table 28), from the T10 list (t10.org/lists/asc-num.txt): not every entry of the
 * list, but the ones devices srro talks to report. Codes the table lacks are named by range: ASC 0x80..0xff and
 * ASCQ 0x80..0xff are vendor specific, anything else is reported as not in the table (reserved or newer than it).
 */
public final class AdditionalSenseCodes {
  /**
   * One line per code, {@code AA QQ text} in lower-case hex, each after a newline. ASCQ {@code NN} covers every
   * qualifier 0x80..0xff of that ASC, {@code {q}} in its text standing for the qualifier. The table is a constant
   * of this class, not a resource beside it: a lookup is then one search of a string the start-up archive holds,
   * where reading a resource opened and inflated a jar entry and parsed every line on each run that decoded one
   * code (docs/benchmarks.md). AdditionalSenseCodesTest checks every line's form and that no code repeats.
   */
  static final String TABLE = """
      00 00 No additional sense information
      00 01 Filemark detected
      00 02 End-of-partition/medium detected
      00 03 Setmark detected
      00 04 Beginning-of-partition/medium detected
      00 05 End-of-data detected
      00 06 I/O process terminated
      00 16 Operation in progress
      00 17 Cleaning requested
      00 18 Erase operation in progress
      00 19 Locate operation in progress
      00 1a Rewind operation in progress
      00 1d ATA pass through information available
      01 00 No index/sector signal
      02 00 No seek complete
      03 00 Peripheral device write fault
      03 02 Excessive write errors
      04 00 Logical unit not ready, cause not reportable
      04 01 Logical unit is in process of becoming ready
      04 02 Logical unit not ready, initializing command required
      04 03 Logical unit not ready, manual intervention required
      04 04 Logical unit not ready, format in progress
      04 05 Logical unit not ready, rebuild in progress
      04 06 Logical unit not ready, recalculation in progress
      04 07 Logical unit not ready, operation in progress
      04 08 Logical unit not ready, long write in progress
      04 09 Logical unit not ready, self-test in progress
      04 0a Logical unit not accessible, asymmetric access state transition
      04 0b Logical unit not accessible, target port in standby state
      04 0c Logical unit not accessible, target port in unavailable state
      04 10 Logical unit not ready, auxiliary memory not accessible
      04 11 Logical unit not ready, notify (enable spinup) required
      04 12 Logical unit not ready, offline
      04 1b Logical unit not ready, sanitize in progress
      04 22 Logical unit not ready, power cycle required
      05 00 Logical unit does not respond to selection
      06 00 No reference position found
      08 00 Logical unit communication failure
      08 01 Logical unit communication time-out
      08 02 Logical unit communication parity error
      09 00 Track following error
      0a 00 Error log overflow
      0b 00 Warning
      0b 01 Warning - specified temperature exceeded
      0b 02 Warning - enclosure degraded
      0c 00 Write error
      0c 02 Write error - auto reallocation failed
      0c 03 Write error - recommend reassignment
      0c 0b Auxiliary memory write error
      0e 00 Invalid information unit
      10 00 Id CRC or ECC error
      10 01 Logical block guard check failed
      10 02 Logical block application tag check failed
      10 03 Logical block reference tag check failed
      11 00 Unrecovered read error
      11 01 Read retries exhausted
      11 02 Error too long to correct
      11 04 Unrecovered read error - auto reallocate failed
      11 12 Auxiliary memory read error
      12 00 Address mark not found for id field
      14 00 Recorded entity not found
      14 01 Record not found
      14 02 Filemark or setmark not found
      14 03 End-of-data not found
      14 04 Block sequence error
      15 00 Random positioning error
      15 01 Mechanical positioning error
      16 00 Data synchronization mark error
      17 00 Recovered data with no error correction applied
      18 00 Recovered data with error correction applied
      1a 00 Parameter list length error
      1b 00 Synchronous data transfer error
      1d 00 Miscompare during verify operation
      20 00 Invalid command operation code
      20 01 Access denied - initiator pending-enrolled
      20 02 Access denied - no access rights
      20 03 Access denied - invalid mgmt id key
      20 08 Access denied - enrollment conflict
      20 09 Access denied - invalid LU identifier
      20 0a Access denied - invalid proxy token
      20 0b Access denied - ACL LUN conflict
      20 0c Illegal command when not in append-only mode
      21 00 Logical block address out of range
      21 01 Invalid element address
      21 02 Invalid address for write
      24 00 Invalid field in CDB
      24 01 CDB decryption error
      24 08 Invalid XCDB
      25 00 Logical unit not supported
      26 00 Invalid field in parameter list
      26 01 Parameter not supported
      26 02 Parameter value invalid
      26 03 Threshold parameters not supported
      26 04 Invalid release of persistent reservation
      26 05 Data decryption error
      26 10 Data decryption key fail limit reached
      26 11 Incomplete key-associated data set
      26 12 Vendor specific key reference not found
      27 00 Write protected
      27 01 Hardware write protected
      27 02 Logical unit software write protected
      27 03 Associated write protect
      27 04 Persistent write protect
      27 05 Permanent write protect
      27 06 Conditional write protect
      27 07 Space allocation failed write protect
      27 08 Zone is read only
      28 00 Not ready to ready change, medium may have changed
      28 01 Import or export element accessed
      29 00 Power on, reset, or bus device reset occurred
      29 01 Power on occurred
      29 02 SCSI bus reset occurred
      29 03 Bus device reset function occurred
      29 04 Device internal reset
      29 05 Transceiver mode changed to single-ended
      29 06 Transceiver mode changed to LVD
      29 07 I_T nexus loss occurred
      2a 00 Parameters changed
      2a 01 Mode parameters changed
      2a 02 Log parameters changed
      2a 03 Reservations preempted
      2a 04 Reservations released
      2a 05 Registrations preempted
      2a 06 Asymmetric access state changed
      2a 07 Implicit asymmetric access state transition failed
      2a 08 Priority changed
      2a 09 Capacity data has changed
      2a 0a Error history I_T nexus cleared
      2a 0b Error history snapshot released
      2a 0c Error recovery attributes have changed
      2a 0d Data encryption capabilities changed
      2a 10 Timestamp changed
      2a 11 Data encryption parameters changed by another I_T nexus
      2a 12 Data encryption parameters changed by a vendor specific event
      2a 13 Data encryption key instance counter has changed
      2a 14 SA creation capabilities data has changed
      2b 00 Copy cannot execute since host cannot disconnect
      2c 00 Command sequence error
      2c 0b Not reserved
      2d 00 Overwrite error on update in place
      2f 00 Commands cleared by another initiator
      2f 01 Commands cleared by power loss notification
      30 00 Incompatible medium installed
      30 01 Cannot read medium - unknown format
      30 02 Cannot read medium - incompatible format
      30 03 Cleaning cartridge installed
      30 04 Cannot write medium - unknown format
      30 05 Cannot write medium - incompatible format
      30 06 Cannot format medium - incompatible medium
      30 07 Cleaning failure
      30 0c WORM medium - overwrite attempted
      30 0d WORM medium - integrity check
      31 00 Medium format corrupted
      31 01 Format command failed
      32 00 No defect spare location available
      33 00 Tape length error
      37 00 Rounded parameter
      39 00 Saving parameters not supported
      3a 00 Medium not present
      3a 01 Medium not present - tray closed
      3a 02 Medium not present - tray open
      3a 03 Medium not present - loadable
      3a 04 Medium not present - medium auxiliary memory accessible
      3b 00 Sequential positioning error
      3b 01 Tape position error at beginning-of-medium
      3b 02 Tape position error at end-of-medium
      3b 08 Reposition error
      3b 0d Medium destination element full
      3b 0e Medium source element empty
      3b 11 Medium magazine not accessible
      3d 00 Invalid bits in identify message
      3e 00 Logical unit has not self-configured yet
      3e 01 Logical unit failure
      3e 02 Timeout on logical unit
      3f 00 Target operating conditions have changed
      3f 01 Microcode has been changed
      3f 02 Changed operating definition
      3f 03 Inquiry data has changed
      3f 0e Reported luns data has changed
      3f 0f Echo buffer overwritten
      40 00 Ram failure (should use 40 NN)
      40 NN Diagnostic failure on component {q}
      43 00 Message error
      44 00 Internal target failure
      44 71 ATA device failed set features
      45 00 Select or reselect failure
      46 00 Unsuccessful soft reset
      47 00 SCSI parity error
      47 03 Information unit iuCRC error detected
      48 00 Initiator detected error message received
      49 00 Invalid message error
      4a 00 Command phase error
      4b 00 Data phase error
      4b 02 Too much write data
      4b 03 ACK/NAK timeout
      4b 04 NAK received
      4b 05 Data offset error
      4b 06 Initiator response timeout
      4c 00 Logical unit failed self-configuration
      4e 00 Overlapped commands attempted
      50 00 Write append error
      50 01 Write append position error
      51 00 Erase failure
      52 00 Cartridge fault
      53 00 Media load or eject failed
      53 01 Unload tape failure
      53 02 Medium removal prevented
      55 00 System buffer full
      55 03 Insufficient resources
      55 04 Insufficient registration resources
      57 00 Unable to recover table-of-contents
      5a 00 Operator request or state change input
      5a 01 Operator medium removal request
      5a 02 Operator selected write protect
      5a 03 Operator selected write permit
      5b 00 Log exception
      5d 00 Failure prediction threshold exceeded
      5d ff Failure prediction threshold exceeded (false)
      5e 00 Low power condition on
      5e 01 Idle condition activated by timer
      5e 02 Standby condition activated by timer
      63 00 End of user area encountered on this track
      64 00 Illegal mode for this track
      65 00 Voltage fault
      67 0a Set target port groups command failed
      68 00 Logical unit not configured
      70 NN Decompression exception short algorithm id of {q}
      71 00 Decompression exception long algorithm id
      74 00 Security error
      74 01 Unable to decrypt data
      74 02 Unencrypted data encountered while decrypting
      74 03 Incorrect data encryption key
      74 04 Cryptographic integrity validation failed
      74 05 Error decrypting data
      74 06 Unknown signature verification key
      74 07 Encryption parameters not useable
      74 08 Digital signature validation failure
      74 09 Encryption mode mismatch on read
      74 0a Encrypted block not raw read enabled
      74 0b Incorrect encryption parameters
      74 0c Unable to decrypt parameter list
      74 0d Encryption algorithm disabled
      74 10 SA creation parameter value invalid
      74 11 SA creation parameter value rejected
      74 12 Invalid SA usage
      74 21 Data encryption configuration prevented
      74 30 SA creation parameter not supported
      74 40 Authentication failed
      74 61 External data encryption key manager access error
      74 62 External data encryption key manager error
      74 63 External data encryption key not found
      74 64 External data encryption request not authorized
      74 6e External data encryption control timeout
      74 6f External data encryption control error
      74 71 Logical unit access not authorized
      74 79 Security conflict in translated device
      """;

  private AdditionalSenseCodes() {}

  /** The text for {@code asc}/{@code ascq}, e.g. "Invalid field in CDB" for 24h/00h. */
  public static String text(int asc, int ascq) {
    if (asc < 0 || asc > 0xff || ascq < 0 || ascq > 0xff) {
      throw new IllegalArgumentException("asc/ascq out of range: " + asc + "/" + ascq);
    }
    String exact = find(hex(asc) + " " + hex(ascq));
    if (exact != null) {
      return exact;
    }
    if (asc >= 0x80) {
      return "vendor specific";
    }
    if (ascq >= 0x80) {
      String range = find(hex(asc) + " NN");
      if (range != null) {
        return range.replace("{q}", "0x" + hex(ascq));
      }
      return "vendor specific qualification";
    }
    return "not in srro's table (reserved or newer)";
  }

  /** Whether the exact pair is in the table (ranges and vendor-specific names do not count). */
  static boolean known(int asc, int ascq) {
    return find(hex(asc) + " " + hex(ascq)) != null;
  }

  /** The table's lines, for the test of their form. */
  static List<String> lines() {
    List<String> out = new ArrayList<>();
    for (int at = 0; at < TABLE.length(); ) {
      int end = TABLE.indexOf('\n', at);
      out.add(TABLE.substring(at, end));
      at = end + 1;
    }
    return out;
  }

  /** The text of the line {@code key} (such as "27 00") begins, or null. */
  private static String find(String key) {
    String head = key + " ";
    int at = TABLE.startsWith(head) ? 0 : TABLE.indexOf("\n" + head);
    if (at < 0) {
      return null;
    }
    int start = at == 0 ? head.length() : at + 1 + head.length();
    return TABLE.substring(start, TABLE.indexOf('\n', start));
  }

  private static String hex(int b) {
    return new String(new char[] {HEX.charAt(b >> 4), HEX.charAt(b & 0xf)});
  }

  private static final String HEX = "0123456789abcdef";
}
