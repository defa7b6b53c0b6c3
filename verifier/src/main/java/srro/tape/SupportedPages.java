package srro.tape;

import java.util.ArrayList;
import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The tape data encryption in support page (SSC-4 §8.5.2.2; protocol 0x20 page 0x0000): the page header, then
 * one 2-byte page code for every SECURITY PROTOCOL IN page the drive supports.
 */
public record SupportedPages(List<Integer> pageCodes) {
  public SupportedPages {
    pageCodes = List.copyOf(pageCodes);
  }

  boolean supports(int pageCode) {
    return pageCodes.contains(pageCode);
  }

  static SupportedPages parse(String source, byte[] data) throws ScsiFormatException {
    Cursor page = Page.open(source, data, SecurityProtocol.IN_SUPPORT_PAGE);
    int bodyLength = page.length() - Page.HEADER_LENGTH;
    if (bodyLength % 2 != 0) {
      throw new ScsiFormatException(source, 2,
          "supported pages list length must be even (2 bytes per page code), is " + bodyLength);
    }
    List<Integer> codes = new ArrayList<>(bodyLength / 2);
    for (int at = Page.HEADER_LENGTH; at < page.length(); at += 2) {
      codes.add(page.be16(at));
    }
    return new SupportedPages(codes);
  }
}
