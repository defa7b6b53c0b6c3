package srro.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;
import srro.scsi.transport.TransportStatus;

/** A device that answers each opcode with a canned Linux SG_IO reply, as captured from QEMU and scsi_debug. */
public final class CannedDevice implements ScsiDevice {
  public static final int INQUIRY = 0x12;
  public static final int MODE_SENSE_6 = 0x1a;
  public static final int MODE_SENSE_10 = 0x5a;

  private final String path;
  private final OpenMode mode;
  private final Map<Integer, Reply> replies;
  private final Map<String, Reply> byName = new HashMap<>();
  private final List<ReadOnlyFlag> flags;
  public final List<String> sent = new ArrayList<>();
  public boolean closed;

  public CannedDevice(String path, OpenMode mode, Map<Integer, Reply> replies, List<ReadOnlyFlag> flags) {
    this.path = path;
    this.mode = mode;
    this.replies = replies;
    this.flags = flags;
  }

  /** Standard INQUIRY data of a QEMU disk: type 0, SPC-3, "QEMU    ", "QEMU HARDDISK   ", "2.5+". */
  public static Reply inquiry(int type, int allocation) {
    byte[] d = new byte[allocation];
    d[0] = (byte) type;
    d[2] = 5;
    d[3] = 2;
    d[4] = 31;
    put(d, 8, "QEMU    QEMU HARDDISK   2.5+");
    return good(d, allocation - 36);
  }

  /** A mode parameter header only (QEMU pads with zeros to the allocation length, resid 0). */
  public static Reply modeHeader6(int deviceSpecific) {
    byte[] d = new byte[255];
    d[0] = 3;
    d[2] = (byte) deviceSpecific;
    return good(d, 0);
  }

  /** A MODE SENSE(6) reply with the header and a control mode page whose byte 4 is {@code controlByte4}. */
  public static Reply modeWithControlPage6(int deviceSpecific, int controlByte4) {
    byte[] d = new byte[255];
    d[0] = 3 + 12;
    d[2] = (byte) deviceSpecific;
    d[4] = 0x0a;
    d[5] = 0x0a;
    d[8] = (byte) controlByte4;
    return good(d, 255 - 16);
  }

  public static Reply modeHeader10(int deviceSpecific) {
    byte[] d = new byte[0x1000];
    d[1] = 6;
    d[3] = (byte) deviceSpecific;
    return good(d, 0);
  }

  /** CHECK CONDITION, fixed sense, ILLEGAL REQUEST with the given ASC (DRIVER_SENSE set, as sg reports it). */
  public static Reply illegalRequest(int asc) {
    byte[] sense = new byte[18];
    sense[0] = 0x70;
    sense[2] = 0x05;
    sense[7] = 10;
    sense[12] = (byte) asc;
    return new Reply(new TransportStatus.SgIo(0, "", 1, 0, 0x08, 0x02, 0, sense, 1), new byte[0]);
  }

  /** The tape story: ioctl 0, empty sense, but the HBA said DID_ERROR. */
  public static Reply didError() {
    return new Reply(new TransportStatus.SgIo(0, "", 1, 0x07, 0, 0, 0, new byte[0], 1), new byte[0]);
  }

  public static Reply errno(int errno, String name) {
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

  /**
   * A device answering with the replies captured from a real kernel (src/test/resources/srro/probe/*.replies,
   * written by QemuScsiIT's guest): one line per command, {@code NAME errno= info= host= driver= scsi= resid=
   * sense=HEX data=HEX}.
   */
  public static CannedDevice captured(String fixture, OpenMode mode, List<ReadOnlyFlag> flags) throws IOException {
    CannedDevice d = new CannedDevice("/dev/" + fixture, mode, Map.of(), flags);
    String text;
    try (InputStream in = CannedDevice.class.getResourceAsStream("/srro/probe/" + fixture + ".replies")) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(" ");
      Map<String, String> v = new HashMap<>();
      for (int i = 1; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        v.put(f[i].substring(0, eq), f[i].substring(eq + 1));
      }
      TransportStatus.SgIo status = new TransportStatus.SgIo(
          Integer.parseInt(v.get("errno")), "", Integer.parseInt(v.get("info")), Integer.parseInt(v.get("host")),
          Integer.parseInt(v.get("driver")), Integer.parseInt(v.get("scsi")), Integer.parseInt(v.get("resid")),
          HexFormat.of().parseHex(v.get("sense")), 1);
      d.byName.put(f[0].replace('_', ' '), new Reply(status, HexFormat.of().parseHex(v.get("data"))));
    }
    return d;
  }

  @Override
  public Reply execute(Command command) {
    int op = command.cdb()[0] & 0xff;
    sent.add(command.name());
    Reply r = byName.containsKey(command.name()) ? byName.get(command.name()) : replies.get(op);
    if (r == null) {
      throw new AssertionError("unexpected " + command.name());
    }
    // The kernel hands back the whole buffer: what moved, then whatever the buffer held (zeros here).
    int length = command.direction() == DataDirection.FROM_DEVICE
        ? Math.max(command.transferLength(), r.data().length) : r.data().length;
    return new Reply(r.status(), Arrays.copyOf(r.data(), length));
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
