package srro.scsi.vpd;

import java.util.ArrayList;
import java.util.List;
import srro.scsi.DeviceType;
import srro.scsi.FieldValue;

/**
 * The text form of decoded INQUIRY flags and VPD pages, as {@code srro decode inquiry|vpd} prints them after
 * the header lines: one {@code ACRONYM value description} line per field (absent fields say why), one line per
 * version descriptor, designator or supported page.
 */
public final class VpdReport {
  private VpdReport() {}

  /** The flags and version descriptors of standard INQUIRY data. */
  public static List<String> inquiry(StandardInquiry s) {
    List<String> out = new ArrayList<>();
    fields(out, s.flags());
    for (StandardInquiry.VersionDescriptor v : s.versionDescriptors()) {
      out.add(String.format("version descriptor: %s [0x%04x]", v.text(), v.code()));
    }
    return out;
  }

  /** A VPD page whole, as {@code srro decode vpd} prints it: header, content, lengths, warnings. */
  public static List<String> full(VpdPage v) {
    List<String> out = new ArrayList<>();
    out.add("peripheral qualifier: " + v.peripheralQualifier());
    out.add(String.format("peripheral device type: 0x%02x (%s)", v.peripheralDeviceType(),
        DeviceType.of(v.peripheralDeviceType()).map(DeviceType::text).orElse("reserved")));
    out.add(String.format("page code: 0x%02x (%s)", v.pageCode(), VpdNames.name(v.pageCode(),
        v.peripheralDeviceType())));
    out.add("page length: " + v.pageLength());
    out.addAll(page(v));
    out.add("declared length: " + v.declaredLength());
    out.add("available length: " + v.availableLength());
    for (String w : v.warnings()) {
      out.add("warning: " + w);
    }
    return out;
  }

  /** The content of a VPD page. */
  public static List<String> page(VpdPage v) {
    List<String> out = new ArrayList<>();
    VpdPage.Content c = v.content();
    if (c instanceof VpdPage.SupportedPages s) {
      out.add("supported pages: " + s.pageCodes().size());
      for (int code : s.pageCodes()) {
        out.add(String.format("  0x%02x %s", code, VpdNames.name(code, v.peripheralDeviceType())));
      }
    } else if (c instanceof VpdPage.UnitSerialNumber s) {
      out.add("unit serial number: " + s.serialNumber());
    } else if (c instanceof VpdPage.DeviceIdentification d) {
      designators(out, d.designators());
    } else if (c instanceof VpdPage.Fields f) {
      out.add(f.layout().name() + " [" + f.layout().abbreviation() + "] (" + f.layout().standard() + "):");
      fields(out, f.fields());
      designators(out, f.descriptors());
    } else {
      out.add("no decoder for this page, " + ((VpdPage.Undecoded) c).bytes().length + " bytes");
    }
    return out;
  }

  private static void fields(List<String> out, List<FieldValue> fields) {
    for (FieldValue f : fields) {
      String value = f.present() ? Long.toUnsignedString(f.value()) : "absent (" + f.availability().text() + ")";
      out.add(String.format("  %-20s %-6s %s", f.field().acronym(), value, f.field().description()));
    }
  }

  private static void designators(List<String> out, List<Designator> designators) {
    for (Designator d : designators) {
      out.add("designator at " + d.offset() + ": " + d.typeText() + ", " + d.associationText() + ", "
          + d.codeSetText() + (d.protocolApplies() ? ", " + d.protocolText() : "") + ": " + d.describe());
    }
  }
}
