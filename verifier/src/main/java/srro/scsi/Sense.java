package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decoded sense data (SPC-4 §4.5): fixed format (response codes 70h current, 71h deferred, §4.5.3) or
 * descriptor format (72h, 73h, §4.5.2). {@code declaredLength} is what the additional sense length says
 * (8 + that byte), {@code availableLength} the bytes received; fields beyond the smaller of the two are absent
 * and a warning says why.
 */
public record Sense(
    int responseCode,
    boolean descriptorFormat,
    boolean deferred,
    SenseKey senseKey,
    Optional<AdditionalSense> additionalSense,
    Optional<Long> information,
    Optional<Long> commandSpecificInformation,
    Optional<SenseKeySpecific> senseKeySpecific,
    int fieldReplaceableUnitCode,
    boolean filemark,
    boolean endOfMedium,
    boolean incorrectLengthIndicator,
    List<SenseDescriptor> descriptors,
    int declaredLength,
    int availableLength,
    List<String> warnings) {

  /** Sense data longer than this (SPC-4 allows 252) is cut here before decoding. */
  public static final int MAX_LENGTH = 252;

  /** The ASC/ASCQ pair and its text from the T10 table. */
  public record AdditionalSense(int asc, int ascq) {
    public AdditionalSense {
      if (asc < 0 || asc > 0xff || ascq < 0 || ascq > 0xff) {
        throw new IllegalArgumentException("asc/ascq out of range");
      }
    }

    public String text() {
      return AdditionalSenseCodes.text(asc, ascq);
    }

    @Override
    public String toString() {
      // Concatenation, not String.format: the Formatter's first use is a few ms of a short decode's start-up.
      return text() + " (asc 0x" + hex2(asc) + ", ascq 0x" + hex2(ascq) + ")";
    }

    private static String hex2(int v) {
      String h = Integer.toHexString(v);
      return h.length() >= 2 ? h : "0" + h;
    }
  }

  /** One sense data descriptor (SPC-4 §4.5.2.1): its type, additional length and the bytes received. */
  public record SenseDescriptor(int type, int additionalLength, byte[] bytes, boolean truncated) {
    public SenseDescriptor {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  public Sense {
    Objects.requireNonNull(senseKey, "senseKey");
    Objects.requireNonNull(additionalSense, "additionalSense");
    Objects.requireNonNull(information, "information");
    Objects.requireNonNull(commandSpecificInformation, "commandSpecificInformation");
    Objects.requireNonNull(senseKeySpecific, "senseKeySpecific");
    descriptors = List.copyOf(descriptors);
    warnings = List.copyOf(warnings);
  }

  /** Decodes {@code bytes} received as sense data from {@code source}. */
  public static Sense parse(String source, byte[] bytes) throws ScsiFormatException {
    return parse(Cursor.of(source, bytes));
  }

  /** Decodes the sense data in {@code c}; only an unknown response code or a missing sense key is an error. */
  public static Sense parse(Cursor c) throws ScsiFormatException {
    if (c.length() == 0) {
      throw new ScsiFormatException(c.source(), 0, "no sense data (0 bytes)");
    }
    int responseCode = c.bits(0, 0, 7);
    if (responseCode < 0x70 || responseCode > 0x73) {
      throw new ScsiFormatException(
          c.source(),
          0,
          String.format(
              "response code 0x%02x is not sense data (expected 0x70..0x73%s)",
              responseCode, responseCode == 0x7f ? "; 0x7f is a vendor specific format" : ""));
    }
    return responseCode >= 0x72 ? SenseParser.descriptor(c, responseCode) : SenseParser.fixed(c, responseCode);
  }

  /** Whether the sense key, ASC and ASCQ say nothing at all happened (NO SENSE, 00h/00h or absent). */
  public boolean isEmpty() {
    return senseKey == SenseKey.NO_SENSE
        && additionalSense.map(a -> a.asc() == 0 && a.ascq() == 0).orElse(true)
        && !filemark
        && !endOfMedium
        && !incorrectLengthIndicator;
  }

  /** One line for messages: "ILLEGAL REQUEST: Invalid field in CDB (asc 0x24, ascq 0x00)". */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (deferred) {
      sb.append("deferred error, ");
    }
    sb.append(senseKey.text());
    additionalSense.ifPresent(a -> sb.append(": ").append(a));
    senseKeySpecific.ifPresent(s -> sb.append("; ").append(s.describe()));
    return sb.toString();
  }

  /** Collects fields while parsing; the parser is the only writer. */
  static final class Builder {
    int responseCode;
    boolean descriptorFormat;
    SenseKey senseKey = SenseKey.NO_SENSE;
    AdditionalSense additionalSense;
    Long information;
    Long commandSpecificInformation;
    SenseKeySpecific senseKeySpecific;
    int fru;
    boolean filemark;
    boolean endOfMedium;
    boolean ili;
    final List<SenseDescriptor> descriptors = new ArrayList<>();
    int declaredLength;
    int availableLength;
    final List<String> warnings = new ArrayList<>();

    Sense build() {
      return new Sense(
          responseCode,
          descriptorFormat,
          responseCode == 0x71 || responseCode == 0x73,
          senseKey,
          Optional.ofNullable(additionalSense),
          Optional.ofNullable(information),
          Optional.ofNullable(commandSpecificInformation),
          Optional.ofNullable(senseKeySpecific),
          fru,
          filemark,
          endOfMedium,
          ili,
          descriptors,
          declaredLength,
          availableLength,
          warnings);
    }
  }
}
