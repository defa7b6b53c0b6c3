package srro.cli.decode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import srro.cli.Json;
import srro.scsi.BlockDescriptor;
import srro.scsi.DeviceSpecificParameter;
import srro.scsi.FieldValue;
import srro.scsi.Hex;
import srro.scsi.Inquiry;
import srro.scsi.ModePage;
import srro.scsi.ModeParameters;
import srro.scsi.Sense;
import srro.scsi.SenseKeySpecific;
import srro.scsi.modepage.DecodedModePage;
import srro.scsi.vpd.Designator;
import srro.scsi.vpd.StandardInquiry;
import srro.scsi.vpd.VpdPage;

/**
 * The JSON forms of decoded SCSI data (docs/json.md, docs/schema/srro-decode-*.json): snake_case names of the
 * verifier's record fields, every key always present, null where a field does not apply. Decoded fields are
 * {@code "fields"}, each present field's acronym in lower case to its unsigned value, and {@code
 * "absent_fields"}, each absent one to why ({@code beyond_page}, {@code not_received}). {@code srro probe}
 * embeds the same INQUIRY and mode parameter objects. The text forms are {@link DecodeText}.
 */
public final class DecodeJson {
  private DecodeJson() {}

  /** MODE SENSE(6)/(10) parameter data (SPC-4 §7.5.5), as {@code decode mode} and {@code probe} print it. */
  public static Json.Obj mode(ModeParameters m) {
    return mode(m, null);
  }

  /**
   * Mode parameter data as {@code decode mode} prints it: each page with its decoded fields ({@code
   * abbreviation}, {@code name}, {@code page_control}, {@code fields}, {@code absent_fields}; null for a page
   * srro has no layout for). {@code decoded} null leaves those keys out ({@code probe}'s shape).
   */
  static Json.Obj mode(ModeParameters m, List<DecodedModePage> decoded) {
    DeviceSpecificParameter d = m.deviceSpecificParameter();
    Json.Obj dsp = Json.object()
        .put("raw", d.raw())
        .put("write_protected", d.writeProtected())
        .put("dpofua", d.dpofua())
        .put("buffered_mode", d.bufferedMode())
        .put("speed", d.speed());
    List<Object> descriptors = Json.array();
    for (BlockDescriptor b : m.blockDescriptors()) {
      descriptors.add(Json.object()
          .put("kind", b.kind())
          .put("offset", b.offset())
          .put("density_code", b.densityCode() >= 0 ? b.densityCode() : null)
          .put("number_of_blocks", Json.unsigned(b.numberOfBlocks()))
          .put("block_length", b.blockLength()));
    }
    List<Object> pages = Json.array();
    for (int i = 0; i < m.pages().size(); i++) {
      ModePage p = m.pages().get(i);
      Json.Obj page = Json.object()
          .put("page_code", p.pageCode())
          .put("subpage_code", p.subpageCode())
          .put("subpage_format", p.subpageFormat())
          .put("parameters_saveable", p.parametersSaveable())
          .put("offset", p.offset())
          .put("page_length", p.pageLength())
          .put("declared_length", p.declaredLength())
          .put("available_length", p.availableLength())
          .put("truncated", p.truncated())
          .put("bytes", Hex.of(p.bytes()));
      if (decoded != null) {
        DecodedModePage dp = decoded.get(i);
        page.put("abbreviation", dp.layout().map(l -> l.abbreviation()))
            .put("name", dp.layout().map(l -> l.name()))
            .put("page_control", dp.pageControl());
        putFields(page, dp.layout().isPresent() ? dp.fields() : null);
      }
      pages.add(page);
    }
    return Json.object()
        .put("format", m.format())
        .put("mode_data_length", m.modeDataLength())
        .put("declared_length", m.declaredLength())
        .put("available_length", m.availableLength())
        .put("padding_length", m.paddingLength())
        .put("medium_type", m.mediumType())
        .put("device_specific_parameter", dsp)
        .put("long_lba", m.longLba())
        .put("block_descriptor_length", m.blockDescriptorLength())
        .put("block_descriptors", descriptors)
        .put("pages", pages)
        .put("warnings", m.warnings());
  }

  /** Fixed or descriptor format sense data (SPC-4 §4.5). */
  static Json.Obj sense(Sense s) {
    Json.Obj o = Json.object()
        .put("response_code", s.responseCode())
        .put("format", s.descriptorFormat() ? "descriptor" : "fixed")
        .put("deferred", s.deferred())
        .put("sense_key", s.senseKey().text())
        .put("sense_key_code", s.senseKey().code())
        .put("asc", s.additionalSense().map(a -> a.asc()))
        .put("ascq", s.additionalSense().map(a -> a.ascq()))
        .put("additional_sense", s.additionalSense().map(a -> a.text()))
        .put("information", s.information().map(Json::unsigned))
        .put("command_specific_information", s.commandSpecificInformation().map(Json::unsigned))
        .put("sense_key_specific", s.senseKeySpecific().map(DecodeJson::senseKeySpecific));
    List<Object> descriptors = Json.array();
    for (Sense.SenseDescriptor d : s.descriptors()) {
      descriptors.add(Json.object()
          .put("type", d.type())
          .put("additional_length", d.additionalLength())
          .put("bytes", Hex.of(d.bytes()))
          .put("truncated", d.truncated()));
    }
    return o.put("field_replaceable_unit_code", s.fieldReplaceableUnitCode())
        .put("filemark", s.filemark())
        .put("end_of_medium", s.endOfMedium())
        .put("incorrect_length_indicator", s.incorrectLengthIndicator())
        .put("descriptors", descriptors)
        .put("declared_length", s.declaredLength())
        .put("available_length", s.availableLength())
        .put("summary", s.summary())
        .put("warnings", s.warnings());
  }

  /** One shape for every kind; the fields another kind has are null. */
  private static Json.Obj senseKeySpecific(SenseKeySpecific k) {
    Json.Obj o = Json.object().put("kind", null).put("text", k.describe()).put("in_cdb", null)
        .put("segment_descriptor", null).put("field_pointer", null).put("bit_pointer", null).put("progress", null)
        .put("percent", null).put("actual_retry_count", null).put("overflow", null).put("value", null);
    if (k instanceof SenseKeySpecific.FieldPointer f) {
      o.put("kind", "field_pointer").put("in_cdb", f.inCdb()).put("field_pointer", f.fieldPointer())
          .put("bit_pointer", f.bitPointerValid() ? f.bitPointer() : null);
    } else if (k instanceof SenseKeySpecific.Progress p) {
      o.put("kind", "progress").put("progress", p.progress()).put("percent",
          BigDecimal.valueOf(p.progress() * 100L).divide(BigDecimal.valueOf(65536), 2, RoundingMode.HALF_EVEN));
    } else if (k instanceof SenseKeySpecific.RetryCount r) {
      o.put("kind", "retry_count").put("actual_retry_count", r.actualRetryCount());
    } else if (k instanceof SenseKeySpecific.SegmentPointer s) {
      o.put("kind", "segment_pointer").put("segment_descriptor", s.segmentDescriptor())
          .put("field_pointer", s.fieldPointer()).put("bit_pointer", s.bitPointerValid() ? s.bitPointer() : null);
    } else if (k instanceof SenseKeySpecific.UnitAttentionQueueOverflow u) {
      o.put("kind", "unit_attention_queue_overflow").put("overflow", u.overflow());
    } else if (k instanceof SenseKeySpecific.Raw r) {
      o.put("kind", "raw").put("value", r.value());
    }
    return o;
  }

  /** Standard INQUIRY data (SPC-4 §6.6.2), as {@code decode inquiry} and {@code probe} print it. */
  public static Json.Obj inquiry(Inquiry q) {
    return Json.object()
        .put("peripheral_qualifier", q.peripheralQualifier())
        .put("peripheral_device_type", q.peripheralDeviceType())
        .put("device_type", q.deviceType().map(t -> t.text()))
        .put("removable_medium", q.removableMedium())
        .put("version", q.version())
        .put("version_text", q.versionText())
        .put("response_data_format", q.responseDataFormat())
        .put("vendor", q.vendorIdentification())
        .put("product", q.productIdentification())
        .put("revision", q.productRevisionLevel())
        .put("declared_length", q.declaredLength())
        .put("available_length", q.availableLength())
        .put("warnings", q.warnings());
  }

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
    putFields(o, f != null ? f.fields() : null);
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

  /** {@code decode inquiry}'s object: {@link #inquiry(Inquiry)}, the flags and the version descriptors. */
  static Json.Obj standardInquiry(StandardInquiry s) {
    Json.Obj o = inquiry(s.inquiry());
    Json.Obj flags = Json.object();
    putFields(flags, s.flags());
    List<Object> descriptors = Json.array();
    for (StandardInquiry.VersionDescriptor d : s.versionDescriptors()) {
      descriptors.add(Json.object().put("code", d.code()).put("text", d.text()));
    }
    return o.put("flags", flags).put("version_descriptors", descriptors);
  }

  /** The acronym in lower case; JSON keys start with a letter, so INQUIRY's 3PC is {@code tpc}. */
  static String key(String acronym) {
    String k = acronym.toLowerCase(Locale.ROOT);
    return k.equals("3pc") ? "tpc" : Character.isDigit(k.charAt(0)) ? "f_" + k : k;
  }

  /** Adds both keys to {@code o}; null {@code fields} (no layout) makes both null. */
  static Json.Obj putFields(Json.Obj o, List<FieldValue> fields) {
    if (fields == null) {
      return o.put("fields", null).put("absent_fields", null);
    }
    Json.Obj present = Json.object();
    Json.Obj absent = Json.object();
    for (FieldValue f : fields) {
      String key = key(f.field().acronym());
      if (f.present()) {
        present.put(key, Json.unsigned(f.value()));
      } else {
        absent.put(key, f.availability());
      }
    }
    return o.put("fields", present).put("absent_fields", absent);
  }
}
