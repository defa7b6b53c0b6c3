package srro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import srro.findings.Finding;
import srro.fstab.Dialect;
import srro.fstab.Entry;
import srro.fstab.Fstab;
import srro.fstab.FstabFix;
import srro.fstab.FstabFormatException;

/** An fstab read from disk (bytes kept for the unchanged-since-read check) and its fix, shared by the commands. */
public record FstabFile(Path path, byte[] bytes, Fstab fstab) {
  public static final Path DEFAULT = Path.of("/etc/fstab");

  /** Reads at most {@link Fstab#MAX_BYTES} + 1 bytes, so a huge file is refused without being read whole. */
  /** Reads {@code path} as {@code dialect}, or by its own hints, or else as {@code hostDialect}. */
  public static FstabFile read(Path path, Dialect dialect, Dialect hostDialect)
      throws IOException, FstabFormatException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(Fstab.MAX_BYTES + 1);
    }
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

  /** Applies the passno fixes among {@code findings} atomically; writes nothing when there is none. */
  public Fixed fix(List<Finding> findings, AtomicRewrite rewrite) throws IOException, FstabFormatException {
    List<FstabFix.Edit> edits = FstabFix.plan(fstab, findings);
    if (edits.isEmpty()) {
      return new Fixed(edits, null, this);
    }
    byte[] after = FstabFix.apply(fstab, edits);
    Path backup = rewrite.replace(path, bytes, after);
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
