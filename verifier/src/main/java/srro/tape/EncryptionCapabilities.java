package srro.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The data encryption capabilities page (SSC-4 §8.5.2.4; protocol 0x20 page 0x0010): byte 4 EXTDECC(3-2)
 * CFG_P(1-0), bytes 5-19 reserved, then algorithm descriptors up to the page length.
 */
public record EncryptionCapabilities(int extdecc, int cfgP, List<AlgorithmDescriptor> algorithms) {
  static final int FIXED_LENGTH = 20;

  public EncryptionCapabilities {
    algorithms = List.copyOf(algorithms);
  }

  public Optional<AlgorithmDescriptor> algorithm(int index) {
    return algorithms.stream().filter(a -> a.algorithmIndex() == index).findFirst();
  }

  static EncryptionCapabilities parse(String source, byte[] data) throws ScsiFormatException {
    Cursor page = Page.open(source, data, SecurityProtocol.CAPABILITIES_PAGE);
    Page.requireFixed(page, FIXED_LENGTH, "data encryption capabilities page");
    List<AlgorithmDescriptor> list = new ArrayList<>();
    int at = FIXED_LENGTH;
    while (at < page.length()) {
      AlgorithmDescriptor a = AlgorithmDescriptor.parse(page, at, page.length());
      list.add(a);
      at += AlgorithmDescriptor.HEADER_LENGTH + a.descriptorLength();
    }
    return new EncryptionCapabilities(page.bits(4, 2, 2), page.bits(4, 0, 2), list);
  }
}
