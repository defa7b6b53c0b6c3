package srro.fstab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import srro.findings.Finding;
import srro.findings.Fix;

/**
 * Plans and applies the fixes srro is sure of: setting fs_passno to 0 on the lines of the findings whose
 * {@link Finding#fix()} is {@link Fix#PASSNO_TO_ZERO}. An edit replaces exactly the bytes of the fs_passno field; every other
 * byte of the file, spacing and comments included, stays as it was.
 */
public final class FstabFix {
  private FstabFix() {}

  /** Replace {@code before} (the field's bytes at {@code offset}) with {@code after}, on line {@code line}. */
  public record Edit(int line, int offset, String before, String after, String reason) {
    public Edit {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(reason, "reason");
      if (line < 1 || offset < 0 || before.isEmpty()) {
        throw new IllegalArgumentException("edit needs a line, an offset and bytes to replace");
      }
    }
  }

  /** The edits that fix the fixable findings among {@code findings}; one per line at most. */
  public static List<Edit> plan(Fstab fstab, List<Finding> findings) {
    TreeMap<Integer, Edit> edits = new TreeMap<>();
    for (Finding f : findings) {
      if (f.fix() != Fix.PASSNO_TO_ZERO || f.line() < 1 || f.line() > fstab.lines().size()) {
        continue;
      }
      Line line = fstab.line(f.line());
      if (!line.isEntry()) {
        continue;
      }
      new Entry(line, fstab.dialect())
          .field(Entry.PASSNO)
          .filter(p -> p.number() > 0)
          .ifPresent(p -> edits.putIfAbsent(f.line(), new Edit(f.line(), p.offset(), p.raw(), "0", f.id())));
    }
    return List.copyOf(new ArrayList<>(edits.values()));
  }

  /** {@code fstab}'s bytes with {@code edits} applied; each edit's bytes must be where it says. */
  public static byte[] apply(Fstab fstab, List<Edit> edits) {
    String text = new String(fstab.encode(), StandardCharsets.ISO_8859_1);
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    for (Edit e : sorted) {
      if (e.offset() < at || !text.startsWith(e.before(), e.offset())) {
        throw new IllegalArgumentException("edit at offset " + e.offset() + " does not match the file");
      }
      sb.append(text, at, e.offset()).append(e.after());
      at = e.offset() + e.before().length();
    }
    sb.append(text, at, text.length());
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
