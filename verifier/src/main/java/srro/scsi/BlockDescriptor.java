package srro.scsi;

/**
 * One mode parameter block descriptor (SPC-4 §7.5.5, SBC-3 §6.4.2): {@code SHORT_LBA} (8 bytes, disks:
 * 4-byte number of blocks, 3-byte block length), {@code GENERAL} (8 bytes, other devices: density code,
 * 3-byte number of blocks, 3-byte block length) or {@code LONG_LBA} (16 bytes, LONGLBA=1: 8-byte number of
 * blocks, 4-byte block length). {@code densityCode} is -1 where the layout has none.
 */
public record BlockDescriptor(Kind kind, int offset, int densityCode, long numberOfBlocks, long blockLength) {

  public enum Kind {
    SHORT_LBA(8),
    GENERAL(8),
    LONG_LBA(16);

    private final int length;

    Kind(int length) {
      this.length = length;
    }

    public int length() {
      return length;
    }
  }

  static BlockDescriptor parse(Kind kind, Cursor c, int offset) throws ScsiFormatException {
    return switch (kind) {
      case SHORT_LBA -> new BlockDescriptor(kind, offset, -1, c.be32(offset), c.be24(offset + 5));
      case GENERAL -> new BlockDescriptor(kind, offset, c.u8(offset), c.be24(offset + 1), c.be24(offset + 5));
      case LONG_LBA -> new BlockDescriptor(kind, offset, -1, c.be64(offset), c.be32(offset + 12));
    };
  }
}
