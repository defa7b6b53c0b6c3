package srro.cli.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import srro.cli.Json;
import srro.scsi.Hex;
import srro.scsi.vpd.Designator;
import srro.scsi.vpd.StandardInquiry;
import srro.scsi.vpd.VpdPage;

/**
 * JSON forms of decoded VPD pages (schema srro-decode-vpd/1) and of the INQUIRY flags added to
 * srro-decode-inquiry/1: every key always present, null where the page has no such part.
 */
final class VpdJson {
  private VpdJson() {}

  static Json.Obj page(VpdPage v) {
    VpdPage.Content c = v.content();
    VpdPage.Fields f = c instanceof VpdPage.Fields x ? x : null;
    List<Designator> designators = c instanceof VpdPage.DeviceIdentification d ? d.designators()
        : f != null ? f.descriptors() : List.of();
    Json.Obj o = Json.object()
        .put("peripheral_qualifier", v.peripheralQualifier())
        .put("peripheral_device_type", v.peripheralDeviceType())
        .put("page_code", v.pageCode())
        .put("page_length", v.pageLength())
        .put("unit_serial_number", c instanceof VpdPage.UnitSerialNumber s ? s.serialNumber() : null)
        .put("supported_pages", c instanceof VpdPage.SupportedPages s ? List.copyOf(s.pageCodes()) : null)
        .put("designators", designators(designators))
        .put("abbreviation", f != null ? f.layout().abbreviation() : null)
        .put("name", f != null ? f.layout().name() : null);
    FieldJson.put(o, f != null ? f.fields() : null);
    return o.put("bytes", c instanceof VpdPage.Undecoded u ? Hex.of(u.bytes()) : null)
        .put("declared_length", v.declaredLength())
        .put("available_length", v.availableLength())
        .put("warnings", v.warnings());
  }

  private static List<Object> designators(List<Designator> designators) {
    List<Object> out = Json.array();
    for (Designator d : designators) {
      boolean text = d.codeSet() == 2 || d.codeSet() == 3;
      out.add(Json.object()
          .put("designator_type", d.designatorType())
          .put("type", d.typeText())
          .put("association", d.associationText())
          .put("code_set", d.codeSet())
          .put("value", text ? new String(d.designator(), StandardCharsets.UTF_8).replace("\0", "").strip()
              : Hex.of(d.designator()))
          .put("offset", d.offset())
          .put("truncated", d.truncated())
          .put("protocol", d.protocolApplies() ? d.protocolText() : null)
          .put("decoded", d.describe()));
    }
    return out;
  }

  /** The flags and version descriptors added to {@code decode inquiry}'s object. */
  static Json.Obj inquiry(Json.Obj o, StandardInquiry s) {
    Json.Obj flags = Json.object();
    FieldJson.put(flags, s.flags());
    List<Object> descriptors = Json.array();
    for (StandardInquiry.VersionDescriptor d : s.versionDescriptors()) {
      descriptors.add(Json.object().put("code", d.code()).put("text", d.text()));
    }
    return o.put("flags", flags).put("version_descriptors", descriptors);
  }
}
