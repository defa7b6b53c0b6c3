package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link Field} read from one page: its value, or why there is none. A page's declared length (its page
 * length field plus header) and the bytes actually received are kept apart: a field past the declared length
 * belongs to a later revision of the standard than the device implements ({@link Availability#BEYOND_PAGE}),
 * one the page declares but the reply did not carry was cut off ({@link Availability#NOT_RECEIVED}). Neither is
 * an error.
 */
public record FieldValue(Field field, Availability availability, long value) {

  /** Whether the field's bytes were there to read. */
  public enum Availability {
    PRESENT,
    BEYOND_PAGE,
    NOT_RECEIVED;

    /** "beyond the page length", "not received", for reports. */
    public String text() {
      return switch (this) {
        case PRESENT -> "present";
        case BEYOND_PAGE -> "beyond the page length";
        case NOT_RECEIVED -> "not received";
      };
    }
  }

  public FieldValue {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(availability, "availability");
    if (availability != Availability.PRESENT && value != 0) {
      throw new IllegalArgumentException(field.acronym() + ": an absent field has no value");
    }
  }

  public boolean present() {
    return availability == Availability.PRESENT;
  }

  /** The value, empty when the field is absent. */
  public OptionalLong valueIfPresent() {
    return present() ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /**
   * Reads {@code field} from {@code page}, which holds the bytes received of a page that declares {@code
   * declaredLength} bytes. Never reads outside {@code page}.
   */
  public static FieldValue read(Field field, int declaredLength, Cursor page) throws ScsiFormatException {
    if (field.end() > declaredLength) {
      return new FieldValue(field, Availability.BEYOND_PAGE, 0);
    }
    if (!page.has(field.byteOffset(), field.byteCount())) {
      return new FieldValue(field, Availability.NOT_RECEIVED, 0);
    }
    return new FieldValue(field, Availability.PRESENT, field.read(page));
  }

  /** Reads every field of {@code fields} from {@code page}, in order. */
  public static List<FieldValue> readAll(List<Field> fields, int declaredLength, Cursor page)
      throws ScsiFormatException {
    List<FieldValue> out = new ArrayList<>(fields.size());
    for (Field f : fields) {
      out.add(read(f, declaredLength, page));
    }
    return out;
  }

  /** The value of the field named {@code acronym} in {@code values}, empty if it is not there or absent. */
  public static OptionalLong find(List<FieldValue> values, String acronym) {
    Optional<FieldValue> v = values.stream().filter(f -> f.field().acronym().equals(acronym)).findFirst();
    return v.isPresent() ? v.get().valueIfPresent() : OptionalLong.empty();
  }
}
