package srro.cli.decode;

import java.util.List;
import java.util.Locale;
import srro.cli.Json;
import srro.scsi.FieldValue;

/**
 * Decoded fields as JSON: {@code "fields"} maps each present field's acronym, lower case, to its value;
 * {@code "absent_fields"} maps each absent one to why ({@code beyond_page}, {@code not_received}). Values are
 * unsigned numbers.
 */
final class FieldJson {
  private FieldJson() {}

  /** The acronym in lower case; JSON keys start with a letter, so INQUIRY's 3PC is {@code tpc}. */
  static String key(String acronym) {
    String k = acronym.toLowerCase(Locale.ROOT);
    return k.equals("3pc") ? "tpc" : Character.isDigit(k.charAt(0)) ? "f_" + k : k;
  }

  /** Adds both keys to {@code o}; null {@code fields} (no layout) makes both null. */
  static Json.Obj put(Json.Obj o, List<FieldValue> fields) {
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
