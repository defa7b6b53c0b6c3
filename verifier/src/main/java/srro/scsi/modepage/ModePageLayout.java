package srro.scsi.modepage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import srro.scsi.Field;

/**
 * The fields of one mode page as a device type's standard defines them: page and subpage code, sdparm's
 * abbreviation ("ca", "co"), the page's name, the standard and section, and the fields in page order with
 * their offsets counted from the first byte of the page header.
 */
public record ModePageLayout(
    int pageCode, int subpageCode, String abbreviation, String name, String standard, List<Field> fields) {

  public ModePageLayout {
    Objects.requireNonNull(abbreviation, "abbreviation");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(standard, "standard");
    fields = List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    int header = subpageCode == 0 ? 2 : 4;
    for (Field f : fields) {
      if (!seen.add(f.acronym())) {
        throw new IllegalArgumentException(abbreviation + ": field " + f.acronym() + " twice");
      }
      if (f.byteOffset() < header) {
        throw new IllegalArgumentException(abbreviation + ": field " + f.acronym() + " inside the page header");
      }
    }
  }

  /** "page 0x08" or "page 0x0a subpage 0x01" with the name: "page 0x08 caching [ca]". */
  public String title() {
    String code =
        subpageCode == 0
            ? String.format("page 0x%02x", pageCode)
            : String.format("page 0x%02x subpage 0x%02x", pageCode, subpageCode);
    return code + " " + name + " [" + abbreviation + "]";
  }

  static Field f(String acronym, int byteOffset, int startBit, int bitWidth, String description) {
    return new Field(acronym, description, byteOffset, startBit, bitWidth);
  }
}
