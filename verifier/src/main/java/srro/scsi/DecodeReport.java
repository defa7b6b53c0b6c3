package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of decoded SCSI data, one {@code name: value} line per field, as {@code srro decode} prints
 * it and the golden files under src/test/resources/srro/scsi expect it. Lengths in decimal, codes in hex.
 */
public final class DecodeReport {
  private DecodeReport() {}

  public static List<String> mode(ModeParameters m) {
    List<String> out = new ArrayList<>();
    out.add("format: MODE SENSE(" + (m.format() == ModeParameters.Format.SIX ? 6 : 10) + ")");
    out.add("mode data length: " + m.modeDataLength());
    out.add("declared length: " + m.declaredLength());
    out.add("available length: " + m.availableLength());
    out.add("zero padding: " + m.paddingLength());
    out.add(hex2("medium type", m.mediumType()));
    DeviceSpecificParameter d = m.deviceSpecificParameter();
    out.add(hex2("device-specific parameter", d.raw()));
    d.writeProtected().ifPresent(b -> out.add("write protect: " + bit(b)));
    d.dpofua().ifPresent(b -> out.add("dpofua: " + bit(b)));
    d.bufferedMode().ifPresent(v -> out.add("buffered mode: " + v));
    d.speed().ifPresent(v -> out.add("speed: " + v));
    if (m.format() == ModeParameters.Format.TEN) {
      out.add("longlba: " + bit(m.longLba()));
    }
    out.add("block descriptor length: " + m.blockDescriptorLength());
    for (BlockDescriptor b : m.blockDescriptors()) {
      String kind = b.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
      out.add(
          "block descriptor: " + kind + " at " + b.offset()
              + (b.densityCode() >= 0 ? String.format(" density 0x%02x", b.densityCode()) : "")
              + " blocks " + Long.toUnsignedString(b.numberOfBlocks()) + " block length " + b.blockLength());
    }
    for (ModePage p : m.pages()) {
      out.add(
          p.name() + " (" + ModePageNames.name(p.pageCode(), p.subpageCode()) + "): page length "
              + p.pageLength() + ", " + p.declaredLength() + " bytes at " + p.offset()
              + (p.parametersSaveable() ? ", saveable" : "")
              + (p.truncated() ? ", truncated to " + p.availableLength() : ""));
    }
    warnings(out, m.warnings());
    return out;
  }

  public static List<String> sense(Sense s) {
    List<String> out = new ArrayList<>();
    out.add("format: " + (s.descriptorFormat() ? "descriptor" : "fixed") + ", "
        + (s.deferred() ? "deferred" : "current"));
    out.add(hex2("response code", s.responseCode()));
    out.add(String.format("sense key: %s (0x%x)", s.senseKey().text(), s.senseKey().code()));
    s.additionalSense().ifPresent(a -> out.add("additional sense: " + a));
    s.information().ifPresent(v -> out.add("information: 0x" + Long.toHexString(v)));
    s.commandSpecificInformation()
        .ifPresent(v -> out.add("command-specific information: 0x" + Long.toHexString(v)));
    s.senseKeySpecific().ifPresent(k -> out.add("sense key specific: " + k.describe()));
    if (s.fieldReplaceableUnitCode() != 0) {
      out.add(hex2("field replaceable unit code", s.fieldReplaceableUnitCode()));
    }
    if (s.filemark()) {
      out.add("filemark: 1");
    }
    if (s.endOfMedium()) {
      out.add("end of medium: 1");
    }
    if (s.incorrectLengthIndicator()) {
      out.add("incorrect length indicator: 1");
    }
    for (Sense.SenseDescriptor d : s.descriptors()) {
      out.add(String.format("descriptor: type 0x%02x additional length %d: %s%s", d.type(),
          d.additionalLength(), spaced(d.bytes()), d.truncated() ? " (truncated)" : ""));
    }
    out.add("declared length: " + s.declaredLength());
    out.add("available length: " + s.availableLength());
    warnings(out, s.warnings());
    return out;
  }

  public static List<String> inquiry(Inquiry q) {
    List<String> out = new ArrayList<>();
    out.add("peripheral qualifier: " + q.peripheralQualifier() + " (" + q.qualifierText() + ")");
    out.add(deviceType(q.peripheralDeviceType()));
    out.add("removable medium: " + bit(q.removableMedium()));
    out.add(String.format("version: 0x%02x (%s)", q.version(), q.versionText()));
    out.add("response data format: " + q.responseDataFormat());
    q.vendorIdentification().ifPresent(v -> out.add("vendor identification: " + v));
    q.productIdentification().ifPresent(v -> out.add("product identification: " + v));
    q.productRevisionLevel().ifPresent(v -> out.add("product revision level: " + v));
    out.add("declared length: " + q.declaredLength());
    out.add("available length: " + q.availableLength());
    warnings(out, q.warnings());
    return out;
  }

  static String deviceType(int code) {
    return String.format(
        "peripheral device type: 0x%02x (%s)", code, DeviceType.of(code).map(DeviceType::text).orElse("reserved"));
  }

  private static void warnings(List<String> out, List<String> warnings) {
    for (String w : warnings) {
      out.add("warning: " + w);
    }
  }

  private static String hex2(String name, int v) {
    return String.format("%s: 0x%02x", name, v);
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  /** Bytes as "0a 80 00", at most 32 of them shown. */
  static String spaced(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length && i < 32; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    return b.length > 32 ? sb + " ..." : sb.toString();
  }
}
