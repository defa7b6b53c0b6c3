package srro.scsi.vpd;

import java.util.List;
import java.util.Objects;
import srro.scsi.Field;

/**
 * The fixed fields of a VPD page: page code, sg3_utils' abbreviation ("ei", "bl"), name, standard and the
 * fields with offsets from the first byte of the 4-byte page header. Acronyms are the ones sg_vpd prints
 * ("HEADSUP=1") or the field names of the standard where sg_vpd prints a sentence; {@code description} is the
 * sentence.
 */
public record VpdLayout(int pageCode, String abbreviation, String name, String standard, List<Field> fields) {
  public VpdLayout {
    Objects.requireNonNull(abbreviation, "abbreviation");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(standard, "standard");
    fields = List.copyOf(fields);
  }

  static Field f(String acronym, int byteOffset, int startBit, int bitWidth, String description) {
    return new Field(acronym, description, byteOffset, startBit, bitWidth);
  }
}
