package srro.cli.decode;

import java.util.List;
import srro.cli.Json;
import srro.scsi.BlockDescriptor;
import srro.scsi.DeviceSpecificParameter;
import srro.scsi.Hex;
import srro.scsi.Inquiry;
import srro.scsi.ModePage;
import srro.scsi.ModeParameters;
import srro.scsi.Sense;
import srro.scsi.SenseKeySpecific;
import srro.scsi.VitalProductData;

/** JSON forms of decoded SCSI data for {@code --json}; field names follow the verifier's records. */
final class ScsiJson {
  private ScsiJson() {}

  static Json.Obj mode(ModeParameters m) {
    DeviceSpecificParameter d = m.deviceSpecificParameter();
    Json.Obj dsp = Json.object().put("raw", d.raw());
    d.writeProtected().ifPresent(v -> dsp.put("writeProtect", v));
    d.dpofua().ifPresent(v -> dsp.put("dpofua", v));
    d.bufferedMode().ifPresent(v -> dsp.put("bufferedMode", v));
    d.speed().ifPresent(v -> dsp.put("speed", v));
    List<Object> descriptors = Json.array();
    for (BlockDescriptor b : m.blockDescriptors()) {
      Json.Obj o = Json.object().put("kind", b.kind()).put("offset", b.offset());
      if (b.densityCode() >= 0) {
        o.put("densityCode", b.densityCode());
      }
      descriptors.add(
          o.put("numberOfBlocks", Long.toUnsignedString(b.numberOfBlocks())).put("blockLength", b.blockLength()));
    }
    List<Object> pages = Json.array();
    for (ModePage p : m.pages()) {
      pages.add(
          Json.object()
              .put("pageCode", p.pageCode())
              .put("subpageCode", p.subpageCode())
              .put("subpageFormat", p.subpageFormat())
              .put("parametersSaveable", p.parametersSaveable())
              .put("offset", p.offset())
              .put("pageLength", p.pageLength())
              .put("declaredLength", p.declaredLength())
              .put("availableLength", p.availableLength())
              .put("truncated", p.truncated())
              .put("bytes", Hex.of(p.bytes())));
    }
    return Json.object()
        .put("format", m.format())
        .put("modeDataLength", m.modeDataLength())
        .put("declaredLength", m.declaredLength())
        .put("availableLength", m.availableLength())
        .put("paddingLength", m.paddingLength())
        .put("mediumType", m.mediumType())
        .put("deviceSpecificParameter", dsp)
        .put("longLba", m.longLba())
        .put("blockDescriptorLength", m.blockDescriptorLength())
        .put("blockDescriptors", descriptors)
        .put("pages", pages)
        .put("warnings", m.warnings());
  }

  static Json.Obj sense(Sense s) {
    Json.Obj o =
        Json.object()
            .put("responseCode", s.responseCode())
            .put("format", s.descriptorFormat() ? "descriptor" : "fixed")
            .put("deferred", s.deferred())
            .put("senseKey", s.senseKey().text())
            .put("senseKeyCode", s.senseKey().code());
    s.additionalSense()
        .ifPresent(
            a -> o.put("asc", a.asc()).put("ascq", a.ascq()).put("additionalSense", a.text()));
    s.information().ifPresent(v -> o.put("information", Long.toUnsignedString(v)));
    s.commandSpecificInformation().ifPresent(v -> o.put("commandSpecificInformation", Long.toUnsignedString(v)));
    s.senseKeySpecific().ifPresent(k -> o.put("senseKeySpecific", senseKeySpecific(k)));
    List<Object> descriptors = Json.array();
    for (Sense.SenseDescriptor d : s.descriptors()) {
      descriptors.add(
          Json.object()
              .put("type", d.type())
              .put("additionalLength", d.additionalLength())
              .put("bytes", Hex.of(d.bytes()))
              .put("truncated", d.truncated()));
    }
    return o.put("fieldReplaceableUnitCode", s.fieldReplaceableUnitCode())
        .put("filemark", s.filemark())
        .put("endOfMedium", s.endOfMedium())
        .put("incorrectLengthIndicator", s.incorrectLengthIndicator())
        .put("descriptors", descriptors)
        .put("declaredLength", s.declaredLength())
        .put("availableLength", s.availableLength())
        .put("summary", s.summary())
        .put("warnings", s.warnings());
  }

  private static Json.Obj senseKeySpecific(SenseKeySpecific k) {
    Json.Obj o = Json.object().put("text", k.describe());
    if (k instanceof SenseKeySpecific.FieldPointer f) {
      o.put("kind", "fieldPointer").put("inCdb", f.inCdb()).put("fieldPointer", f.fieldPointer());
      if (f.bitPointerValid()) {
        o.put("bitPointer", f.bitPointer());
      }
    } else if (k instanceof SenseKeySpecific.Progress p) {
      o.put("kind", "progress").put("progress", p.progress()).put("percent", p.percent());
    } else if (k instanceof SenseKeySpecific.RetryCount r) {
      o.put("kind", "retryCount").put("actualRetryCount", r.actualRetryCount());
    } else {
      o.put("kind", "other");
    }
    return o;
  }

  static Json.Obj inquiry(Inquiry q) {
    Json.Obj o =
        Json.object()
            .put("peripheralQualifier", q.peripheralQualifier())
            .put("peripheralDeviceType", q.peripheralDeviceType())
            .put("removableMedium", q.removableMedium())
            .put("version", q.version())
            .put("versionText", q.versionText())
            .put("responseDataFormat", q.responseDataFormat());
    q.vendorIdentification().ifPresent(v -> o.put("vendorIdentification", v));
    q.productIdentification().ifPresent(v -> o.put("productIdentification", v));
    q.productRevisionLevel().ifPresent(v -> o.put("productRevisionLevel", v));
    return o.put("declaredLength", q.declaredLength())
        .put("availableLength", q.availableLength())
        .put("warnings", q.warnings());
  }

  static Json.Obj vpd(VitalProductData v) {
    List<Object> designators = Json.array();
    for (VitalProductData.Designator d : v.designators()) {
      designators.add(
          Json.object()
              .put("designatorType", d.designatorType())
              .put("type", d.typeText())
              .put("association", d.associationText())
              .put("codeSet", d.codeSet())
              .put("value", d.value()));
    }
    Json.Obj o =
        Json.object()
            .put("peripheralQualifier", v.peripheralQualifier())
            .put("peripheralDeviceType", v.peripheralDeviceType())
            .put("pageCode", v.pageCode())
            .put("pageLength", v.pageLength());
    v.unitSerialNumber().ifPresent(s -> o.put("unitSerialNumber", s));
    return o.put("designators", designators)
        .put("declaredLength", v.declaredLength())
        .put("availableLength", v.availableLength())
        .put("warnings", v.warnings());
  }
}
