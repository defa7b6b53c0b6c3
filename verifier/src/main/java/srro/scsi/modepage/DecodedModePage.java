package srro.scsi.modepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import srro.scsi.Cursor;
import srro.scsi.DeviceType;
import srro.scsi.FieldValue;
import srro.scsi.ModePage;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ScsiFormatException;

/**
 * One mode page with its fields decoded. {@code pageControl} says what the values are (MODE SENSE's PC
 * field, SPC-4 §6.11.1): current, default or saved values, or for {@link PageControl#CHANGEABLE} a mask in
 * which a 1 bit marks a bit the application client may change. A page srro has no layout for keeps only its
 * bytes ({@code layout} empty, no fields). A field past the page's declared length or past the bytes received
 * is reported as absent, never read.
 */
public record DecodedModePage(
    ModePage page, PageControl pageControl, Optional<ModePageLayout> layout, List<FieldValue> fields) {

  public DecodedModePage {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(pageControl, "pageControl");
    Objects.requireNonNull(layout, "layout");
    fields = List.copyOf(fields);
  }

  /** Decodes {@code page} as a page of a device of {@code type}, its values being {@code pageControl}'s. */
  public static DecodedModePage decode(ModePage page, Optional<DeviceType> type, PageControl pageControl)
      throws ScsiFormatException {
    Optional<ModePageLayout> layout =
        ModePageLayouts.find(page.pageCode(), page.subpageFormat() ? page.subpageCode() : 0, type);
    if (layout.isPresent() && layout.get().subpageCode() == 0 && page.subpageFormat()) {
      layout = Optional.empty(); // page 0x08 in sub_page format with subpage 0: not the layout's format
    }
    List<FieldValue> fields =
        layout.isPresent()
            ? FieldValue.readAll(layout.get().fields(), page.declaredLength(), Cursor.of("mode page", page.bytes()))
            : List.of();
    return new DecodedModePage(page, pageControl, layout, fields);
  }

  /** Every page of {@code m}, decoded for the device type its header was read with. */
  public static List<DecodedModePage> decodeAll(ModeParameters m, PageControl pageControl)
      throws ScsiFormatException {
    List<DecodedModePage> out = new ArrayList<>();
    for (ModePage p : m.pages()) {
      out.add(decode(p, m.deviceSpecificParameter().deviceType(), pageControl));
    }
    return out;
  }

  /** The first page with this code and subpage among {@code pages}. */
  public static Optional<DecodedModePage> find(List<DecodedModePage> pages, int pageCode, int subpageCode) {
    return pages.stream()
        .filter(p -> p.page().pageCode() == pageCode && p.page().subpageCode() == subpageCode)
        .findFirst();
  }

  /** The value of field {@code acronym} (sdparm's, upper case), empty when the page lacks it. */
  public OptionalLong value(String acronym) {
    return FieldValue.find(fields, acronym);
  }

  /** The fields that could not be read, for warnings. */
  public List<FieldValue> absentFields() {
    return fields.stream().filter(f -> !f.present()).toList();
  }
}
