package srro.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import srro.findings.Finding;
import srro.fstab.Dialect;
import srro.fstab.Entry;
import srro.fstab.Fstab;
import srro.fstab.FstabFix;
import srro.fstab.FstabFormatException;
import srro.patch.DurableFiles;
import srro.patch.Transaction;

/** An fstab read from disk (bytes kept for the unchanged-since-read check) and its fix, shared by the commands. */
public record FstabFile(Path path, byte[] bytes, Fstab fstab) {
  public static final Path DEFAULT = Path.of("/etc/fstab");

  /**
   * Reads {@code path} as {@code dialect}, or by its own hints, or else as {@code hostDialect}: at most {@link
   * Fstab#MAX_BYTES}, whatever kind of file {@code path} is (a pipe, a device).
   */
  public static FstabFile read(Path path, Dialect dialect, Dialect hostDialect)
      throws IOException, FstabFormatException, InputTooLargeException {
    byte[] bytes = BoundedInput.read(path, Fstab.MAX_BYTES, "an fstab file");
    return new FstabFile(path, bytes, Fstab.parse(path.toString(), bytes, dialect, hostDialect));
  }


  /** The mount points (or specs, for swap) of the entries, in file order, for the report's target list. */
  public List<String> targets() {
    List<String> out = new ArrayList<>();
    for (Entry e : fstab.entries()) {
      out.add(e.target());
    }
    return out;
  }

  /** Result of {@link #fix}: the edits made (empty: nothing written) and the backup's path. */
  public record Fixed(List<FstabFix.Edit> edits, Path backup, FstabFile after) {}

  /**
   * Applies the passno fixes among {@code findings} atomically ({@link DurableFiles#replace}: a symbolic link
   * or other non-regular file is refused, not followed); writes nothing when there is none.
   */
  public Fixed fix(List<Finding> findings) throws IOException, FstabFormatException {
    return fix(findings, Transaction.Checkpoint.NONE);
  }

  /** {@link #fix(List)}, calling {@code checkpoint} at every durable step (the crash tests). */
  Fixed fix(List<Finding> findings, Transaction.Checkpoint checkpoint) throws IOException, FstabFormatException {
    List<FstabFix.Edit> edits = FstabFix.plan(fstab, findings);
    if (edits.isEmpty()) {
      return new Fixed(edits, null, this);
    }
    byte[] after = FstabFix.apply(fstab, edits);
    Path backup = DurableFiles.replace(path, bytes, after, checkpoint);
    return new Fixed(
        edits, backup, new FstabFile(path, after, Fstab.parse(path.toString(), after, fstab.dialect(), null)));
  }

  public static Json.Obj json(Fixed fixed) {
    List<Object> edits = Json.array();
    for (FstabFix.Edit e : fixed.edits()) {
      edits.add(
          Json.object()
              .put("line", e.line())
              .put("offset", e.offset())
              .put("before", e.before())
              .put("after", e.after())
              .put("rule", e.reason()));
    }
    return Json.object()
        .put("file", fixed.after().path().toString())
        .put("backup", fixed.backup() == null ? null : fixed.backup().toString())
        .put("edits", edits);
  }

  public static void text(java.io.PrintStream out, Fixed fixed) {
    if (fixed.edits().isEmpty()) {
      out.println("fixed: nothing to change in " + fixed.after().path());
      return;
    }
    for (FstabFix.Edit e : fixed.edits()) {
      out.println(
          "fixed: " + fixed.after().path() + " line " + e.line() + ": fs_passno " + e.before() + " -> " + e.after()
              + " [" + e.reason() + "]");
    }
    out.println("backup: " + fixed.backup());
  }
}
