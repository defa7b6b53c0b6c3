package srro.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import srro.os.OpenMode;
import srro.os.ReadOnlyFlag;
import srro.os.ScsiDevice;
import srro.scsi.Command;
import srro.scsi.Reply;
import srro.scsi.TransportStatus;

/** A device that answers each opcode with a canned Linux SG_IO reply, as captured from QEMU and scsi_debug. */
final class CannedDevice implements ScsiDevice {
  static final int INQUIRY = 0x12;
  static final int MODE_SENSE_6 = 0x1a;
  static final int MODE_SENSE_10 = 0x5a;

  private final String path;
  private final OpenMode mode;
  private final Map<Integer, Reply> replies;
  private final List<ReadOnlyFlag> flags;
  final List<String> sent = new ArrayList<>();
  boolean closed;

  CannedDevice(String path, OpenMode mode, Map<Integer, Reply> replies, List<ReadOnlyFlag> flags) {
    this.path = path;
    this.mode = mode;
    this.replies = replies;
    this.flags = flags;
  }

  /** Standard INQUIRY data of a QEMU disk: type 0, SPC-3, "QEMU    ", "QEMU HARDDISK   ", "2.5+". */
  static Reply inquiry(int type, int allocation) {
    byte[] d = new byte[allocation];
    d[0] = (byte) type;
    d[2] = 5;
    d[3] = 2;
    d[4] = 31;
    put(d, 8, "QEMU    QEMU HARDDISK   2.5+");
    return good(d, allocation - 36);
  }

  /** A mode parameter header only (QEMU pads with zeros to the allocation length, resid 0). */
  static Reply modeHeader6(int deviceSpecific) {
    byte[] d = new byte[255];
    d[0] = 3;
    d[2] = (byte) deviceSpecific;
    return good(d, 0);
  }

  static Reply modeHeader10(int deviceSpecific) {
    byte[] d = new byte[0x1000];
    d[1] = 6;
    d[3] = (byte) deviceSpecific;
    return good(d, 0);
  }

  /** CHECK CONDITION, fixed sense, ILLEGAL REQUEST with the given ASC (DRIVER_SENSE set, as sg reports it). */
  static Reply illegalRequest(int asc) {
    byte[] sense = new byte[18];
    sense[0] = 0x70;
    sense[2] = 0x05;
    sense[7] = 10;
    sense[12] = (byte) asc;
    return new Reply(new TransportStatus.SgIo(0, "", 1, 0, 0x08, 0x02, 0, sense, 1), new byte[0]);
  }

  /** The tape story: ioctl 0, empty sense, but the HBA said DID_ERROR. */
  static Reply didError() {
    return new Reply(new TransportStatus.SgIo(0, "", 1, 0x07, 0, 0, 0, new byte[0], 1), new byte[0]);
  }

  static Reply errno(int errno, String name) {
    return new Reply(new TransportStatus.SgIo(errno, name, 0, 0, 0, 0, 0, new byte[0], 0), new byte[0]);
  }

  private static Reply good(byte[] data, int resid) {
    return new Reply(new TransportStatus.SgIo(0, "", 0, 0, 0, 0, resid, new byte[0], 1), data);
  }

  private static void put(byte[] d, int offset, String s) {
    for (int i = 0; i < s.length(); i++) {
      d[offset + i] = (byte) s.charAt(i);
    }
  }

  @Override
  public Reply execute(Command command) {
    int op = command.cdb()[0] & 0xff;
    sent.add(command.name());
    Reply r = replies.get(op);
    if (r == null) {
      throw new AssertionError("unexpected " + command.name());
    }
    return new Reply(r.status(), Arrays.copyOf(r.data(), r.data().length));
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public OpenMode mode() {
    return mode;
  }

  @Override
  public List<ReadOnlyFlag> readOnlyFlags() {
    return flags;
  }

  @Override
  public void close() {
    closed = true;
  }
}
