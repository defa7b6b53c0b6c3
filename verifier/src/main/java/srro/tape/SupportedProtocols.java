package srro.tape;

import java.util.ArrayList;
import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The supported security protocols list (SPC-4 §7.7.1.3; SECURITY PROTOCOL IN protocol 0x00, specific
 * 0x0000): bytes 0-5 reserved, bytes 6-7 SUPPORTED SECURITY PROTOCOL LIST LENGTH, then one byte per protocol.
 * It has no page code to check; its length is bounded by the bytes received.
 */
public record SupportedProtocols(List<Integer> protocols) {
  static final int HEADER_LENGTH = 8;

  public SupportedProtocols {
    protocols = List.copyOf(protocols);
  }

  boolean supports(int protocol) {
    return protocols.contains(protocol);
  }

  static SupportedProtocols parse(String source, byte[] data) throws ScsiFormatException {
    Cursor c = Cursor.of(source, data);
    if (!c.has(0, HEADER_LENGTH)) {
      throw new ScsiFormatException(source, 0,
          "supported protocols list needs an 8-byte header, only " + data.length + " bytes received");
    }
    int listLength = c.be16(6);
    if (listLength > data.length - HEADER_LENGTH) {
      throw new ScsiFormatException(source, 6, "supported protocols list declares " + listLength
          + " bytes, only " + (data.length - HEADER_LENGTH) + " received");
    }
    List<Integer> list = new ArrayList<>(listLength);
    for (int i = 0; i < listLength; i++) {
      list.add(c.u8(HEADER_LENGTH + i));
    }
    return new SupportedProtocols(list);
  }
}
