package srro.cli.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import srro.scsi.BlockDescriptor;
import srro.scsi.DeviceSpecificParameter;
import srro.scsi.DeviceType;
import srro.scsi.FieldValue;
import srro.scsi.Inquiry;
import srro.scsi.ModePage;
import srro.scsi.ModePageNames;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.Sense;
import srro.scsi.modepage.DecodedModePage;
import srro.scsi.vpd.Designator;
import srro.scsi.vpd.StandardInquiry;
import srro.scsi.vpd.VpdNames;
import srro.scsi.vpd.VpdPage;

/**
 * The text forms of decoded SCSI data, as {@code srro decode} prints them and the golden files under
 * src/test/resources/srro/cli/decode expect them: one {@code name: value} line per header field (lengths in
 * decimal, codes in hex), then one {@code ACRONYM value description} line per decoded page field as sdparm's
 * {@code --long} prints them (an absent field says why; values unsigned decimal, where sdparm prints an
 * all-ones field as -1). The JSON forms are {@link DecodeJson}.
 */
final class DecodeText {
  /** A sense descriptor shows at most this many of its bytes. */
  private static final int SHOWN_DESCRIPTOR_BYTES = 32;

  /** An undecoded mode page shows at most this many of its bytes (JSON has them all). */
  private static final int SHOWN_PAGE_BYTES = 64;

  private DecodeText() {}

  /** The mode parameter header, the block descriptors and a line per page ({@code decode mode} adds {@link #pages}). */
  static List<String> mode(ModeParameters m) {
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
              + (b.densityCode() >= 0 ? " density 0x" + hex(b.densityCode(), 2) : "")
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

  /** The fields of each decoded mode page; a page srro has no layout for as its bytes. */
  static List<String> pages(List<DecodedModePage> pages) {
    List<String> out = new ArrayList<>();
    for (DecodedModePage d : pages) {
      ModePage p = d.page();
      if (d.layout().isEmpty()) {
        out.add(p.name() + ": no field decoder, " + p.availableLength() + " bytes: "
            + spaced(p.bytes(), SHOWN_PAGE_BYTES));
        continue;
      }
      out.add(d.layout().get().title() + ", " + valuesOf(d.pageControl()) + ":");
      fields(out, d.fields(), 10);
    }
    return out;
  }

  /** "current values", "changeable bits (1 = may be changed)", "default values", "saved values". */
  private static String valuesOf(PageControl pc) {
    return pc == PageControl.CHANGEABLE
        ? "changeable bits (1 = may be changed)"
        : pc.name().toLowerCase(Locale.ROOT) + " values";
  }

  /** {@code decode sense}. */
  static List<String> sense(Sense s) {
    List<String> out = new ArrayList<>();
    out.add("format: " + (s.descriptorFormat() ? "descriptor" : "fixed") + ", "
        + (s.deferred() ? "deferred" : "current"));
    out.add(hex2("response code", s.responseCode()));
    out.add("sense key: " + s.senseKey().text() + " (0x" + Integer.toHexString(s.senseKey().code()) + ")");
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
          d.additionalLength(), spaced(d.bytes(), SHOWN_DESCRIPTOR_BYTES), d.truncated() ? " (truncated)" : ""));
    }
    out.add("declared length: " + s.declaredLength());
    out.add("available length: " + s.availableLength());
    warnings(out, s.warnings());
    return out;
  }

  /** {@code decode inquiry}: the header fields, every flag and the version descriptors. */
  static List<String> inquiry(StandardInquiry s) {
    List<String> out = inquiry(s.inquiry());
    fields(out, s.flags(), 20);
    for (StandardInquiry.VersionDescriptor v : s.versionDescriptors()) {
      out.add("version descriptor: " + v.text() + " [0x" + hex(v.code(), 4) + "]");
    }
    return out;
  }

  /** The header fields of standard INQUIRY data. */
  static List<String> inquiry(Inquiry q) {
    List<String> out = new ArrayList<>();
    out.add("peripheral qualifier: " + q.peripheralQualifier() + " (" + q.qualifierText() + ")");
    out.add(deviceType(q.peripheralDeviceType()));
    out.add("removable medium: " + bit(q.removableMedium()));
    out.add("version: 0x" + hex(q.version(), 2) + " (" + q.versionText() + ")");
    out.add("response data format: " + q.responseDataFormat());
    q.vendorIdentification().ifPresent(v -> out.add("vendor identification: " + v));
    q.productIdentification().ifPresent(v -> out.add("product identification: " + v));
    q.productRevisionLevel().ifPresent(v -> out.add("product revision level: " + v));
    out.add("declared length: " + q.declaredLength());
    out.add("available length: " + q.availableLength());
    warnings(out, q.warnings());
    return out;
  }

  /** {@code decode vpd}: the header, the content, the lengths and the warnings. */
  static List<String> vpd(VpdPage v) {
    List<String> out = new ArrayList<>();
    out.add("peripheral qualifier: " + v.peripheralQualifier());
    out.add(deviceType(v.peripheralDeviceType()));
    out.add("page code: 0x" + hex(v.pageCode(), 2) + " (" + VpdNames.name(v.pageCode(), v.peripheralDeviceType())
        + ")");
    out.add("page length: " + v.pageLength());
    VpdPage.Content c = v.content();
    if (c instanceof VpdPage.SupportedPages s) {
      out.add("supported pages: " + s.pageCodes().size());
      for (int code : s.pageCodes()) {
        out.add("  0x" + hex(code, 2) + " " + VpdNames.name(code, v.peripheralDeviceType()));
      }
    } else if (c instanceof VpdPage.UnitSerialNumber s) {
      out.add("unit serial number: " + s.serialNumber());
    } else if (c instanceof VpdPage.DeviceIdentification d) {
      designators(out, d.designators());
    } else if (c instanceof VpdPage.Fields f) {
      out.add(f.layout().name() + " [" + f.layout().abbreviation() + "] (" + f.layout().standard() + "):");
      fields(out, f.fields(), 20);
      designators(out, f.descriptors());
    } else {
      out.add("no decoder for this page, " + ((VpdPage.Undecoded) c).bytes().length + " bytes");
    }
    out.add("declared length: " + v.declaredLength());
    out.add("available length: " + v.availableLength());
    warnings(out, v.warnings());
    return out;
  }

  /** One {@code ACRONYM value description} line per field, the acronym padded to {@code width}. */
  private static void fields(List<String> out, List<FieldValue> fields, int width) {
    for (FieldValue f : fields) {
      String value = f.present() ? Long.toUnsignedString(f.value()) : "absent (" + f.availability().text() + ")";
      out.add(String.format("  %-" + width + "s %-6s %s", f.field().acronym(), value, f.field().description()));
    }
  }

  private static void designators(List<String> out, List<Designator> designators) {
    for (Designator d : designators) {
      out.add("designator at " + d.offset() + ": " + d.typeText() + ", " + d.associationText() + ", "
          + d.codeSetText() + (d.protocolApplies() ? ", " + d.protocolText() : "") + ": " + d.describe());
    }
  }

  private static String deviceType(int code) {
    return "peripheral device type: 0x" + hex(code, 2) + " ("
        + DeviceType.of(code).map(DeviceType::text).orElse("reserved") + ")";
  }

  private static void warnings(List<String> out, List<String> warnings) {
    for (String w : warnings) {
      out.add("warning: " + w);
    }
  }

  private static String hex2(String name, int v) {
    return name + ": 0x" + hex(v, 2);
  }

  /**
   * {@code v} in lower-case hex, zero-padded to {@code digits}: what {@code String.format("%0<digits>x", v)}
   * prints, without the Formatter, whose first use cost a short decode a few ms (docs/benchmarks.md).
   */
  static String hex(int v, int digits) {
    String h = Integer.toHexString(v);
    return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  /** Bytes as "0a 80 00", at most {@code shown} of them, then " ..." if there are more. */
  private static String spaced(byte[] b, int shown) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length && i < shown; i++) {
      sb.append(i == 0 ? "" : " ").append(hex(b[i] & 0xff, 2));
    }
    return b.length > shown ? sb + " ..." : sb.toString();
  }
}
