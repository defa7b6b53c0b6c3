package srro.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import srro.kit.UnifiedDiffShape.FileDiff;
import srro.kit.UnifiedDiffShape.Hunk;

/**
 * Synthetic originals rebuilt from the diffs alone: every line a hunk's pre-image names is put at the line the
 * hunk header says, and every line no hunk names is a unique filler line. A file that several diffs change is
 * built once, for the first diff: the pre-image lines of later diffs are mapped back through the earlier diffs
 * to the original's line numbers (and must agree with what the earlier diffs wrote where they fall inside one
 * of its hunks). If the kit is consistent, GNU patch applies every diff in order to these files at exactly the
 * stated lines, and reverse-applying them in reverse order gives the files back byte for byte.
 */
final class PreImageTree {
  private final Map<String, TreeMap<Integer, String>> known = new LinkedHashMap<>();

  /** Writes the pre-image tree of the kit in patches/openbsd-7.7 under {@code dir}. */
  static void writeKitTo(Path dir) throws IOException {
    List<UnifiedDiffShape> kit = new ArrayList<>();
    try (java.util.stream.Stream<Path> s = Files.list(KitDiffsTest.locateKit())) {
      for (Path p : s.filter(p -> p.toString().endsWith(".diff")).sorted().toList()) {
        kit.add(UnifiedDiffShape.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1)));
      }
    }
    new PreImageTree(kit).writeTo(dir);
  }

  PreImageTree(List<UnifiedDiffShape> kit) {
    Map<String, List<FileDiff>> seen = new LinkedHashMap<>();
    for (UnifiedDiffShape diff : kit) {
      for (FileDiff fd : diff.files()) {
        List<FileDiff> earlier = seen.computeIfAbsent(fd.path(), p -> new ArrayList<>());
        TreeMap<Integer, String> lines = known.computeIfAbsent(fd.path(), p -> new TreeMap<>());
        for (Hunk h : fd.hunks()) {
          List<String> pre = h.preImage();
          for (int k = 0; k < pre.size(); k++) {
            Integer line = backToOriginal(diff.name(), fd.path(), h.oldStart() + k, pre.get(k), earlier);
            if (line != null) {
              String was = lines.putIfAbsent(line, pre.get(k));
              if (was != null && !was.equals(pre.get(k))) {
                throw new IllegalStateException(diff.name() + ": " + fd.path() + " line " + line
                    + " differs from what an earlier diff expects there");
              }
            }
          }
        }
        earlier.add(fd);
      }
    }
  }

  /**
   * Maps line {@code line} of the version the earlier diffs produced back to the original; null when an earlier
   * diff wrote that line (then its text must be the one expected).
   */
  private static Integer backToOriginal(String name, String path, int line, String text, List<FileDiff> earlier) {
    int l = line;
    for (int d = earlier.size() - 1; d >= 0; d--) {
      int delta = 0;
      for (Hunk h : earlier.get(d).hunks()) {
        if (l < h.newStart()) {
          break;
        }
        if (l < h.newStart() + h.newCount()) {
          String wrote = h.postImage().get(l - h.newStart());
          if (!wrote.equals(text)) {
            throw new IllegalStateException(name + ": " + path + " line " + line
                + " is not what the earlier diff left there");
          }
          return null;
        }
        delta += h.newCount() - h.oldCount();
      }
      l -= delta;
    }
    return l;
  }

  /** Writes every file under {@code root}; returns the paths written, relative to root. */
  List<String> writeTo(Path root) throws IOException {
    List<String> paths = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Integer, String>> e : known.entrySet()) {
      StringBuilder b = new StringBuilder();
      int last = e.getValue().lastKey();
      for (int n = 1; n <= last + 3; n++) {
        String text = e.getValue().get(n);
        b.append(text != null ? text : "srro synthetic line " + n + " of " + e.getKey()).append('\n');
      }
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, b, StandardCharsets.ISO_8859_1);
      paths.add(e.getKey());
    }
    return paths;
  }
}
