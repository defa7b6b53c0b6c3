package srro.patch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a patchset would do to a {@link Source}, computed in memory without writing anything: one {@link
 * FilePlan} per file patch. Several file patches may name the same path; each applies on top of the previous
 * one's result.
 */
public record Plan(Patchset patchset, int strip, List<FilePlan> files, Map<String, Optional<byte[]>> originals,
    Map<String, Optional<byte[]>> results) {

  /** One file patch: the path it resolved to (empty if none could be chosen) and its result. */
  public record FilePlan(FilePatch patch, Optional<String> path, FileResult result) {
    public FilePlan {
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(result, "result");
    }
  }

  public Plan {
    files = List.copyOf(files);
  }

  /** Plans {@code patchset} with -p{@code strip} against {@code source}. */
  public static Plan of(Patchset patchset, int strip, Source source)
      throws IOException, TargetRefusedException {
    if (strip < 0 || strip > 1000) {
      throw new IllegalArgumentException("strip " + strip);
    }
    Map<String, Optional<byte[]>> originals = new LinkedHashMap<>();
    Map<String, Optional<byte[]>> current = new HashMap<>();
    List<FilePlan> out = new ArrayList<>();
    for (FilePatch fp : patchset.files()) {
      Optional<String> why = Optional.empty();
      Optional<String> path = choose(fp, strip, source, current);
      if (path.isEmpty()) {
        why = Optional.of("cannot strip " + strip + " components from " + TargetPath.printable(fp.newName()));
      } else {
        why = TargetPath.refusal(path.get());
        if (why.isEmpty()) {
          why = source.refusal(path.get());
        }
      }
      if (why.isPresent()) {
        out.add(new FilePlan(fp, path, rejected(fp, why.get())));
        continue;
      }
      String p = path.get();
      if (!current.containsKey(p)) {
        Optional<byte[]> content = source.read(p);
        originals.put(p, content);
        current.put(p, content);
      }
      FileResult r = Applier.apply(fp, current.get(p).orElse(null));
      if (r.status() == FileResult.Status.APPLIES) {
        current.put(p, Optional.ofNullable(r.newContent()));
      }
      out.add(new FilePlan(fp, path, r));
    }
    Map<String, Optional<byte[]>> results = new LinkedHashMap<>();
    for (String p : originals.keySet()) {
      results.put(p, current.get(p));
    }
    return new Plan(patchset, strip, out, originals, results);
  }

  private static FileResult rejected(FilePatch fp, String reason) {
    List<HunkResult> r = new ArrayList<>();
    fp.hunks().forEach(h -> r.add(new HunkResult.Rejected(reason)));
    return new FileResult(FileResult.Status.CONFLICT, r, null);
  }

  /** patch(1)'s choice: the new name for a creation, else the first of old, new, Index: names that exists. */
  private static Optional<String> choose(
      FilePatch fp, int strip, Source source, Map<String, Optional<byte[]>> current)
      throws IOException, TargetRefusedException {
    List<String> names = new ArrayList<>();
    if (fp.kind() == FilePatch.Kind.CREATE) {
      names.add(fp.newName());
    } else if (fp.kind() == FilePatch.Kind.DELETE) {
      names.add(fp.oldName());
    } else {
      names.add(fp.oldName());
      names.add(fp.newName());
      fp.indexName().ifPresent(names::add);
    }
    List<String> stripped = new ArrayList<>();
    for (String n : names) {
      if (n.equals("/dev/null")) {
        continue;
      }
      Optional<String> s = TargetPath.strip(n, strip).map(TargetPath::normalize).filter(x -> !x.isEmpty());
      if (s.isPresent() && !stripped.contains(s.get())) {
        stripped.add(s.get());
      }
    }
    if (stripped.size() > 1) {
      for (String s : stripped) {
        if (TargetPath.refusal(s).isPresent()) {
          return Optional.of(s);
        }
        Optional<byte[]> seen = current.get(s);
        if (seen != null ? seen.isPresent() : source.refusal(s).isEmpty() && source.read(s).isPresent()) {
          return Optional.of(s);
        }
      }
    }
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped.get(0));
  }

  /** Every path any file patch of {@code patchset} could resolve to with -p{@code strip}. */
  public static java.util.Set<String> candidates(Patchset patchset, int strip) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (FilePatch fp : patchset.files()) {
      List<String> names = new ArrayList<>(List.of(fp.oldName(), fp.newName()));
      fp.indexName().ifPresent(names::add);
      for (String n : names) {
        TargetPath.strip(n, strip).map(TargetPath::normalize).filter(x -> !x.isEmpty()).ifPresent(out::add);
      }
      out.add(fp.newName() + ".orig");
    }
    out.remove("dev/null");
    out.remove("/dev/null");
    return out;
  }

  /** Every file patch applies. */
  public boolean applies() {
    return files.stream().allMatch(f -> f.result().status() == FileResult.Status.APPLIES);
  }

  /** Every file patch is already applied. */
  public boolean alreadyApplied() {
    return files.stream().allMatch(f -> f.result().status() == FileResult.Status.ALREADY_APPLIED);
  }

  /**
   * The file changes that apply this plan, with a {@code .orig} backup of every changed file as patch(1) keeps;
   * only meaningful when {@link #applies()}.
   */
  public List<Change> changes(Source source) throws IOException, TargetRefusedException {
    if (!applies()) {
      throw new IllegalStateException("plan does not apply");
    }
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, Optional<byte[]>> e : originals.entrySet()) {
      String p = e.getKey();
      byte[] before = e.getValue().orElse(null);
      byte[] after = results.get(p).orElse(null);
      out.add(new Change(p, before, after));
      if (before != null) {
        String orig = p + ".orig";
        Optional<String> why = source.refusal(orig);
        if (why.isPresent()) {
          throw new IOException(orig + ": " + why.get());
        }
        out.add(new Change(orig, source.read(orig).orElse(null), before));
      }
    }
    return out;
  }
}
