package srro.scsi.modepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import srro.scsi.FieldValue;
import srro.scsi.ModePage;
import srro.scsi.PageControl;

/**
 * The text form of decoded mode pages, one line per field as sdparm's {@code --long} prints them: acronym,
 * value, description; an absent field says why it is absent. Values are unsigned decimal (sdparm prints an
 * all-ones field as -1).
 */
public final class ModePageReport {
  /** An undecoded page shows at most this many of its bytes (JSON has them all). */
  static final int SHOWN_BYTES = 64;

  private ModePageReport() {}

  public static List<String> lines(List<DecodedModePage> pages) {
    List<String> out = new ArrayList<>();
    for (DecodedModePage d : pages) {
      ModePage p = d.page();
      if (d.layout().isEmpty()) {
        out.add(p.name() + ": no field decoder, " + p.availableLength() + " bytes: " + spaced(p.bytes()));
        continue;
      }
      out.add(d.layout().get().title() + ", " + valuesOf(d.pageControl()) + ":");
      for (FieldValue f : d.fields()) {
        String value = f.present() ? Long.toUnsignedString(f.value()) : "absent (" + f.availability().text() + ")";
        out.add(String.format("  %-10s %-6s %s", f.field().acronym(), value, f.field().description()));
      }
    }
    return out;
  }

  /** "current values", "changeable bits (mask)", "default values", "saved values". */
  public static String valuesOf(PageControl pc) {
    return pc == PageControl.CHANGEABLE
        ? "changeable bits (1 = may be changed)"
        : pc.name().toLowerCase(Locale.ROOT) + " values";
  }

  static String spaced(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length && i < SHOWN_BYTES; i++) {
      sb.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
    }
    return b.length > SHOWN_BYTES ? sb + " ..." : sb.toString();
  }
}
