package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Mode parameter data as returned by MODE SENSE (SPC-4 §7.5): a 4-byte (MODE SENSE(6), §7.5.4 table 451) or
 * 8-byte (MODE SENSE(10), table 452) header, block descriptors, then mode pages.
 *
 * <p>{@code declaredLength} is mode data length + 1 (six) or + 2 (ten); {@code availableLength} the bytes
 * received. Everything after the header is read only within the smaller of the two. QEMU pads replies with
 * zeros up to the allocation length, so zero bytes after the declared length are counted in {@code
 * paddingLength} without a warning; non-zero bytes there, a declared length longer than the reply, block
 * descriptors or pages that overrun it are warnings, never reads past the data.
 */
public record ModeParameters(
    Format format,
    int modeDataLength,
    int declaredLength,
    int availableLength,
    int paddingLength,
    int mediumType,
    DeviceSpecificParameter deviceSpecificParameter,
    boolean longLba,
    int blockDescriptorLength,
    List<BlockDescriptor> blockDescriptors,
    List<ModePage> pages,
    List<String> warnings) {

  /** Which MODE SENSE the reply answers, i.e. which header it starts with. */
  public enum Format {
    SIX(4),
    TEN(8);

    private final int headerLength;

    Format(int headerLength) {
      this.headerLength = headerLength;
    }

    public int headerLength() {
      return headerLength;
    }

    /** The bytes the mode data length field does not count: itself (1 or 2). */
    int lengthFieldSize() {
      return this == SIX ? 1 : 2;
    }
  }

  public ModeParameters {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(deviceSpecificParameter, "deviceSpecificParameter");
    blockDescriptors = List.copyOf(blockDescriptors);
    pages = List.copyOf(pages);
    warnings = List.copyOf(warnings);
  }

  /** Whether the header's device-specific parameter says write protected (disk and tape only). */
  public Optional<Boolean> writeProtected() {
    return deviceSpecificParameter.writeProtected();
  }

  /** Decodes {@code bytes} from {@code source} as the reply to MODE SENSE in {@code format}. */
  public static ModeParameters parse(String source, byte[] bytes, Format format, Optional<DeviceType> type)
      throws ScsiFormatException {
    return parse(Cursor.of(source, bytes), format, type);
  }

  /**
   * Decodes the mode parameter data in {@code c}. Only a reply too short for its header is an error; every
   * other inconsistency is a warning in the result.
   */
  public static ModeParameters parse(Cursor c, Format format, Optional<DeviceType> type)
      throws ScsiFormatException {
    int h = format.headerLength();
    int available = c.length();
    if (available < h) {
      throw new ScsiFormatException(
          c.source(),
          available,
          "mode parameter header needs " + h + " bytes (MODE SENSE(" + (format == Format.SIX ? 6 : 10)
              + ")), only " + available + " received");
    }
    List<String> warnings = new ArrayList<>();
    int modeDataLength = format == Format.SIX ? c.u8(0) : c.be16(0);
    int declared = modeDataLength + format.lengthFieldSize();
    int mediumType = c.u8(format == Format.SIX ? 1 : 2);
    int dsp = c.u8(format == Format.SIX ? 2 : 3);
    boolean longLba = format == Format.TEN && c.bit(4, 0);
    int bdl = format == Format.SIX ? c.u8(3) : c.be16(6);

    int padding = 0;
    if (declared > available) {
      warnings.add(
          "mode data length " + modeDataLength + " declares " + declared + " bytes, only " + available
              + " received");
    } else if (Math.max(declared, h) < available) {
      int tail = Math.max(declared, h);
      if (allZero(c.slice(tail, available - tail))) {
        padding = available - tail;
      } else {
        warnings.add(
            (available - tail) + " bytes after the declared " + tail + " are not zero padding; ignored");
      }
    }
    if (declared < h) {
      warnings.add("mode data length " + modeDataLength + " is shorter than the " + h + "-byte header");
    }
    int end = Math.max(h, Math.min(declared, available));
    Cursor body = c.slice(0, end);

    List<BlockDescriptor> descriptors = new ArrayList<>();
    int pagesStart = blockDescriptors(body, h, bdl, longLba, type, descriptors, warnings);
    List<ModePage> pages = new ArrayList<>();
    pages(body, pagesStart, pages, warnings);
    return new ModeParameters(
        format, modeDataLength, declared, available, padding, mediumType,
        new DeviceSpecificParameter(dsp, type), longLba, bdl, descriptors, pages, warnings);
  }

  private static int blockDescriptors(
      Cursor body, int h, int bdl, boolean longLba, Optional<DeviceType> type,
      List<BlockDescriptor> out, List<String> warnings) throws ScsiFormatException {
    BlockDescriptor.Kind kind =
        longLba
            ? BlockDescriptor.Kind.LONG_LBA
            : type.map(DeviceType::blockDevice).orElse(false)
                ? BlockDescriptor.Kind.SHORT_LBA
                : BlockDescriptor.Kind.GENERAL;
    int size = kind.length();
    if (bdl % size != 0) {
      warnings.add("block descriptor length " + bdl + " is not a multiple of " + size);
    }
    int present = body.length() - h;
    if (bdl > present) {
      warnings.add(
          "block descriptor length " + bdl + " runs past the mode data (" + present + " bytes after the header)");
    }
    int end = h + Math.min(bdl, present);
    int offset = h;
    for (; offset + size <= end; offset += size) {
      out.add(BlockDescriptor.parse(kind, body, offset));
    }
    if (offset < end) {
      warnings.add(
          "block descriptor at byte " + offset + " is truncated: " + (end - offset) + " of " + size
              + " bytes present");
    }
    return h + bdl;
  }

  private static void pages(Cursor body, int start, List<ModePage> out, List<String> warnings)
      throws ScsiFormatException {
    int offset = start;
    while (offset < body.length()) {
      boolean ps = body.bit(offset, 7);
      boolean spf = body.bit(offset, 6);
      int pageCode = body.bits(offset, 0, 6);
      int headerSize = spf ? 4 : 2;
      if (!body.has(offset, headerSize)) {
        warnings.add(
            String.format(
                "page 0x%02x at byte %d is truncated: its %d-byte page header is cut off",
                pageCode, offset, headerSize));
        return;
      }
      int subpage = spf ? body.u8(offset + 1) : 0;
      int pageLength = spf ? body.be16(offset + 2) : body.u8(offset + 1);
      int declared = headerSize + pageLength;
      Cursor page = body.sliceAtMost(offset, declared);
      ModePage p =
          new ModePage(pageCode, subpage, spf, ps, offset, pageLength, declared, page.bytes(0, page.length()));
      if (p.truncated()) {
        warnings.add(
            p.name() + " at byte " + offset + " is truncated: page length " + pageLength + " declares "
                + declared + " bytes, only " + page.length() + " present");
      }
      out.add(p);
      offset += declared;
    }
  }

  private static boolean allZero(Cursor c) throws ScsiFormatException {
    for (int i = 0; i < c.length(); i++) {
      if (c.u8(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Guesses which header {@code c} starts with: a format fits when its mode data length lies within the
   * reply (with only zero bytes after it), the block descriptors fit, and the pages end exactly at the
   * declared length. Empty when neither or both fit; the caller then has to be told.
   */
  public static Optional<Format> inferFormat(Cursor c) throws ScsiFormatException {
    boolean six = fits(c, Format.SIX);
    boolean ten = fits(c, Format.TEN);
    if (six == ten) {
      return Optional.empty();
    }
    return Optional.of(six ? Format.SIX : Format.TEN);
  }

  private static boolean fits(Cursor c, Format f) throws ScsiFormatException {
    int h = f.headerLength();
    if (c.length() < h) {
      return false;
    }
    int declared = (f == Format.SIX ? c.u8(0) : c.be16(0)) + f.lengthFieldSize();
    if (declared < h || declared > c.length() || !allZero(c.slice(declared, c.length() - declared))) {
      return false;
    }
    int bdl = f == Format.SIX ? c.u8(3) : c.be16(6);
    int offset = h + bdl;
    if (offset > declared) {
      return false;
    }
    while (offset < declared) {
      if (!c.has(offset, 2)) {
        return false;
      }
      boolean spf = c.bit(offset, 6);
      if (spf && !c.has(offset, 4)) {
        return false;
      }
      offset += spf ? 4 + c.be16(offset + 2) : 2 + c.u8(offset + 1);
    }
    return offset == declared;
  }
}
