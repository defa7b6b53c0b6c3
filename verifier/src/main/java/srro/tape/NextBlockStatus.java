package srro.tape;

import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The next block encryption status page (SSC-4 §8.5.2.8; protocol 0x20 page 0x0021): bytes 4-11 LOGICAL
 * OBJECT NUMBER, byte 12 COMPRESSION STATUS(7-4) ENCRYPTION STATUS(3-0), 13 ALGORITHM INDEX, byte 14 EMES(1)
 * RDMDS(0), 15 KAD FORMAT, then KAD descriptors.
 */
public record NextBlockStatus(
    long logicalObjectNumber,
    int compressionStatus,
    int encryptionStatus,
    int algorithmIndex,
    boolean emes,
    boolean rdmds,
    int kadFormat,
    List<Kad> kads) {
  static final int FIXED_LENGTH = 16;

  public NextBlockStatus {
    kads = List.copyOf(kads);
  }

  /** ENCRYPTION STATUS in words (SSC-4 table "ENCRYPTION STATUS field values"). */
  public String encryptionStatusText() {
    return switch (encryptionStatus) {
      case 0, 1 -> "unable to determine";
      case 2 -> "position not at a logical block";
      case 3 -> "not encrypted";
      case 4 -> "encrypted by an algorithm the drive does not support";
      case 5 -> "encrypted, the drive can decrypt it";
      case 6 -> "encrypted, key missing or decryption not enabled";
      default -> String.format("reserved (0x%x)", encryptionStatus);
    };
  }

  static NextBlockStatus parse(String source, byte[] data) throws ScsiFormatException {
    Cursor page = Page.open(source, data, SecurityProtocol.NEXT_BLOCK_PAGE);
    Page.requireFixed(page, FIXED_LENGTH, "next block encryption status page");
    return new NextBlockStatus(
        page.be64(4),
        page.bits(12, 4, 4),
        page.bits(12, 0, 4),
        page.u8(13),
        page.bit(14, 1),
        page.bit(14, 0),
        page.u8(15),
        Kad.parseAll(page, FIXED_LENGTH, page.length()));
  }
}
