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
public record Plan(Patchset patchset, int strip, List<FilePlan> files, Map<String, Digest> digests) {

  /**
   * A path the plan changes: the SHA-256 of its content before and after the plan ({@code null}: absent), the
   * sizes of both, and how the file looked when it was read ({@code null}: absent or not known). Contents are
   * not kept: {@link #changes} produces them again, file by file.
   */
  public record Digest(String before, String after, long beforeBytes, long afterBytes, Stamp seen) {}

  /**
   * One file patch: the path it resolved to (empty if none could be chosen) and its result, whose new content
   * is not kept ({@code null}): the plan holds hashes ({@link Digest}), not files.
   */
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

  /**
   * Plans {@code patchset} with -p{@code strip} against {@code source}. A file's contents are held only until
   * the last file patch that could name it; the plan keeps their hashes.
   */
  public static Plan of(Patchset patchset, int strip, Source source)
      throws IOException, TargetRefusedException {
    return of(patchset, strip, source, true);
  }

  /**
   * Plans like {@link #of} but hashes nothing: {@link #digests} is empty and {@link #changes} refuses the plan.
   * For status, which only reports; SHA-256 of a large file is most of a status run without a C2 compiler.
   */
  public static Plan check(Patchset patchset, int strip, Source source)
      throws IOException, TargetRefusedException {
    return of(patchset, strip, source, false);
  }

  private static Plan of(Patchset patchset, int strip, Source source, boolean hash)
      throws IOException, TargetRefusedException {
    if (strip < 0 || strip > 1000) {
      throw new IllegalArgumentException("strip " + strip);
    }
    if (source instanceof Tree t) {
      try (Tree.Scope s = t.cachingDirectories()) {
        return plan(patchset, strip, source, hash);
      }
    }
    return plan(patchset, strip, source, hash);
  }

  private static Plan plan(Patchset patchset, int strip, Source source, boolean hash)
      throws IOException, TargetRefusedException {
    Map<String, Integer> lastNamed = new HashMap<>();
    Map<String, Integer> namedBy = new HashMap<>();
    for (int i = 0; i < patchset.files().size(); i++) {
      for (String n : new java.util.HashSet<>(names(patchset.files().get(i), strip))) {
        lastNamed.put(n, i);
        namedBy.merge(n, 1, Integer::sum);
      }
    }
    Solo[] solos = source instanceof Tree t ? Solo.planAll(patchset, strip, t, hash, namedBy) : null;
    Map<String, Optional<byte[]>> originals = new HashMap<>();
    Map<String, Stamp> stamps = new HashMap<>();
    Map<String, Optional<byte[]>> current = new HashMap<>();
    Map<String, Boolean> exists = new HashMap<>();
    Map<String, Digest> digests = new LinkedHashMap<>();
    List<FilePlan> out = new ArrayList<>();
    for (int i = 0; i < patchset.files().size(); i++) {
      FilePatch fp = patchset.files().get(i);
      if (solos != null && solos[i] != null) {
        solos[i].rethrow();
        FilePlan f = solos[i].result();
        out.add(f);
        if (solos[i].digest() != null) {
          digests.put(f.path().orElseThrow(), solos[i].digest());
        }
        continue;
      }
      Optional<String> why = Optional.empty();
      Optional<String> path = choose(fp, strip, source, exists);
      Source.Look first = null; // the path's first look: its refusal and its content from one walk
      if (path.isEmpty()) {
        why = Optional.of("cannot strip " + strip + " components from " + TargetPath.printable(fp.newName()));
      } else {
        why = TargetPath.refusal(path.get());
        if (why.isEmpty() && !current.containsKey(path.get())) {
          first = source.look(path.get());
          why = first.refusal();
        } else if (why.isEmpty()) {
          why = source.refusal(path.get());
        }
      }
      if (why.isPresent()) {
        out.add(new FilePlan(fp, path, rejected(fp, why.get())));
        continue;
      }
      String p = path.get();
      if (first != null) {
        if (digests.containsKey(p)) {
          throw new IllegalStateException(p + ": planned again after its contents were dropped");
        }
        originals.put(p, first.content());
        stamps.put(p, first.stamp());
        current.put(p, first.content());
        digests.put(p, null);
      }
      // A check builds the patched bytes only for a later file patch of the same path; it hashes nothing.
      boolean needed = hash || lastNamed.getOrDefault(p, -1) > i;
      FileResult r = Applier.apply(fp, current.get(p).orElse(null), needed);
      if (r.status() == FileResult.Status.APPLIES) {
        current.put(p, Optional.ofNullable(r.newContent()));
        r = new FileResult(r.status(), r.hunks(), null);
      }
      exists.put(p, current.get(p).isPresent());
      out.add(new FilePlan(fp, path, r));
      if (lastNamed.getOrDefault(p, -1) <= i) {
        digests.put(p, digest(originals.remove(p), current.remove(p), stamps.remove(p), hash));
      }
    }
    for (String p : new ArrayList<>(current.keySet())) {
      digests.put(p, digest(originals.remove(p), current.remove(p), stamps.remove(p), hash));
    }
    if (!hash) {
      digests.clear();
    }
    return new Plan(patchset, strip, out, digests);
  }

  /**
   * The plan of a file patch none of whose names another file patch of the patchset has: it depends on nothing
   * but the file it reads, so the solos of a patchset are planned on two threads ({@link Tree#onTwoThreads}),
   * and the plan is then put together in order, the others planned as before (a solo not planned too).
   * The result is the one planning them in order gives, and so is the first failure (thrown when the plan
   * reaches its file patch); a file is held by a thread only while it is patched and hashed.
   */
  private record Solo(FilePlan result, Digest digest, Exception failure) {
    static Solo[] planAll(Patchset patchset, int strip, Tree tree, boolean hash, Map<String, Integer> namedBy)
        throws IOException, TargetRefusedException {
      List<FilePatch> files = patchset.files();
      List<Integer> solo = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        if (names(files.get(i), strip).stream().allMatch(n -> namedBy.get(n) == 1)) {
          solo.add(i);
        }
      }
      Solo[] out = new Solo[files.size()];
      Exception[] failed = tree.onTwoThreads(solo.size(),
          (k, own) -> out[solo.get(k)] = plan(files.get(solo.get(k)), strip, own, hash));
      for (int k = 0; k < failed.length; k++) {
        if (failed[k] != null) {
          out[solo.get(k)] = new Solo(null, null, failed[k]);
        }
      }
      return out;
    }

    /** Throws what planning this solo threw: where the plan in order reaches it, as planning it there would. */
    void rethrow() throws IOException, TargetRefusedException {
      if (failure != null) {
        rethrow(failure);
      }
    }

    /** Throws {@code failure}, what a task of {@link Tree#onTwoThreads} threw, as the calling thread would have. */
    static void rethrow(Exception failure) throws IOException, TargetRefusedException {
      if (failure instanceof TargetRefusedException e) {
        throw e;
      }
      Tree.rethrow(failure);
    }

    /** What {@link Plan#plan} decides for the solo {@code fp}, in the same steps. */
    private static Solo plan(FilePatch fp, int strip, Tree tree, boolean hash)
        throws IOException, TargetRefusedException {
      Optional<String> path = choose(fp, strip, tree, Map.of());
      if (path.isEmpty()) {
        return new Solo(new FilePlan(fp, path, rejected(fp, "cannot strip " + strip + " components from "
            + TargetPath.printable(fp.newName()))), null, null);
      }
      Optional<String> why = TargetPath.refusal(path.get());
      Source.Look look = why.isPresent() ? null : tree.look(path.get());
      why = why.isPresent() ? why : look.refusal();
      if (why.isPresent()) {
        return new Solo(new FilePlan(fp, path, rejected(fp, why.get())), null, null);
      }
      FileResult r = Applier.apply(fp, look.content().orElse(null), hash);
      Optional<byte[]> after = look.content();
      if (r.status() == FileResult.Status.APPLIES) {
        after = Optional.ofNullable(r.newContent());
        r = new FileResult(r.status(), r.hunks(), null);
      }
      Digest d = hash ? Plan.digest(look.content(), after, look.stamp(), true) : null;
      return new Solo(new FilePlan(fp, path, r), d, null);
    }
  }

  private static Digest digest(Optional<byte[]> before, Optional<byte[]> after, Stamp seen, boolean hash) {
    if (!hash) {
      return null;
    }
    byte[] b = before.orElse(null);
    byte[] a = after.orElse(null);
    return new Digest(DurableFiles.hash(b), DurableFiles.hash(a), b == null ? 0 : b.length, a == null ? 0 : a.length,
        b == null ? null : seen);
  }

  /** Every stripped, normalized name {@code fp} could resolve to ({@code /dev/null} is none). */
  private static List<String> names(FilePatch fp, int strip) {
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of(fp.oldName(), fp.newName()));
    fp.indexName().ifPresent(names::add);
    for (String n : names) {
      if (n.equals("/dev/null")) {
        continue; // the other side of a creation or deletion, no file: it makes no two file patches share a name
      }
      TargetPath.strip(n, strip).map(TargetPath::normalize).filter(x -> !x.isEmpty()).ifPresent(out::add);
    }
    return out;
  }

  private static FileResult rejected(FilePatch fp, String reason) {
    List<HunkResult> r = new ArrayList<>();
    fp.hunks().forEach(h -> r.add(new HunkResult.Rejected(reason)));
    return new FileResult(FileResult.Status.CONFLICT, r, null);
  }

  /** patch(1)'s choice: the new name for a creation, else the first of old, new, Index: names that exists. */
  private static Optional<String> choose(
      FilePatch fp, int strip, Source source, Map<String, Boolean> exists)
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
        Boolean seen = exists.get(s);
        if (seen != null ? seen : present(source.look(s))) {
          return Optional.of(s);
        }
      }
    }
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped.get(0));
  }

  private static boolean present(Source.Look look) {
    return look.refusal().isEmpty() && look.content().isPresent();
  }

  /** For each file patch of {@code patchset}, in order, the paths it could resolve to with -p{@code strip}. */
  public static List<java.util.Set<String>> candidatesPerFile(Patchset patchset, int strip) {
    List<java.util.Set<String>> out = new ArrayList<>();
    for (FilePatch fp : patchset.files()) {
      java.util.Set<String> names = new java.util.LinkedHashSet<>(names(fp, strip));
      names.remove("dev/null");
      names.remove("/dev/null");
      out.add(names);
    }
    return out;
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

  /**
   * A superset of {@link #candidates(Patchset, int)} for the patchset {@code diff} parses to, read from its
   * {@code ---}, {@code +++} and {@code Index:} lines without parsing it (and the same for a diff that does not
   * parse): what an archive can be read for while the diff is parsed. A body line that looks like a header only
   * adds a name.
   */
  public static java.util.Set<String> candidates(byte[] diff, int strip) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    int from = 0;
    while (from < diff.length) {
      int nl = from;
      while (nl < diff.length && diff[nl] != '\n') {
        nl++;
      }
      byte b = from < nl ? diff[from] : 0;
      if ((b == '-' || b == '+' || b == 'I')
          && (DiffParser.at(diff, from, nl, "--- ") || DiffParser.at(diff, from, nl, "+++ ")
              || DiffParser.at(diff, from, nl, "Index: "))) {
        String line = new String(diff, from, nl - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        addNames(out, line, strip);
        if (line.endsWith("\r")) { // in a CRLF diff the parser strips it
          addNames(out, line.substring(0, line.length() - 1), strip);
        }
      }
      from = nl + 1;
    }
    out.remove("dev/null");
    out.remove("/dev/null");
    return out;
  }

  private static void addNames(java.util.Set<String> out, String line, int strip) {
    String name = line.startsWith("Index: ") ? line.substring(7).strip() : DiffParser.nameAndTime(line.substring(4))[0];
    TargetPath.strip(name, strip).map(TargetPath::normalize).filter(x -> !x.isEmpty()).ifPresent(out::add);
    out.add(name + ".orig");
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
   * only meaningful when {@link #applies()}. Their contents are read from the tree and patched again when the
   * transaction writes them.
   */
  public List<Change> changes(Source source) throws IOException, TargetRefusedException {
    if (!applies()) {
      throw new IllegalStateException("plan does not apply");
    }
    for (FilePlan f : files) {
      if (!digests.containsKey(f.path().orElseThrow())) {
        throw new IllegalStateException("plan made by check(): no digests to write with");
      }
    }
    Map<String, List<FilePatch>> byPath = new HashMap<>();
    for (FilePlan f : files) {
      byPath.computeIfAbsent(f.path().orElseThrow(), k -> new ArrayList<>()).add(f.patch());
    }
    List<String> paths = new ArrayList<>(digests.keySet());
    Orig[] origs = new Orig[paths.size()];
    Exception[] failed = origs(source, paths, origs);
    List<Change> out = new ArrayList<>();
    for (int k = 0; k < paths.size(); k++) {
      String p = paths.get(k);
      Digest d = digests.get(p);
      List<FilePatch> patches = byPath.get(p);
      out.add(new Change(p, d.before(), d.after(), d.beforeBytes() + d.afterBytes(), d.seen(),
          tree -> {
            Source.Look now = reread(tree, p);
            byte[] b = now.content().orElse(null);
            return new Change.Content(b, patched(patches, b), now.stamp());
          }));
      if (d.before() != null) {
        String orig = p + ".orig";
        if (k < failed.length && failed[k] != null) {
          Solo.rethrow(failed[k]);
        }
        Orig now = origs[k] != null ? origs[k] : Orig.of(source.look(orig));
        if (now.refusal().isPresent()) {
          throw new IOException(orig + ": " + now.refusal().get());
        }
        out.add(new Change(orig, now.hash(), d.before(), now.bytes() + d.beforeBytes(),
            tree -> new Change.Content(reread(tree, orig).content().orElse(null),
                reread(tree, p).content().orElse(null))));
      }
    }
    return out;
  }

  /** A backup {@code FILE.orig} as the plan found it: why it may not be touched, or its hash and size. */
  private record Orig(Optional<String> refusal, String hash, long bytes) {
    static Orig of(Source.Look look) {
      byte[] b = look.content().orElse(null);
      return new Orig(look.refusal(), DurableFiles.hash(b), b == null ? 0 : b.length);
    }
  }

  /**
   * Fills {@code out} with the backups {@code FILE.orig} of those of {@code paths} that exist before the plan, as
   * they are now, by index (their hashes, not their contents); on two threads for a {@link Tree}. Returns each
   * index's failure (the caller throws the first in order where it reaches it; an index after one may be left
   * null, for the caller to look at).
   */
  private Exception[] origs(Source source, List<String> paths, Orig[] out) {
    if (!(source instanceof Tree t)) {
      return new Exception[0];
    }
    return t.onTwoThreads(paths.size(), (k, own) -> {
      if (digests.get(paths.get(k)).before() != null) {
        out[k] = Orig.of(own.look(paths.get(k) + ".orig"));
      }
    });
  }

  /**
   * {@code path}'s content now and its stamp, for a change being written; a file that may not be read is a tree
   * change.
   */
  private static Source.Look reread(Source source, String path) throws IOException {
    Source.Look look;
    try {
      look = source.look(path);
    } catch (TargetRefusedException e) {
      throw new TreeChangedException(e.located());
    }
    if (look.refusal().isPresent()) {
      throw new TreeChangedException(path + ": " + look.refusal().get());
    }
    return look;
  }

  /** {@code content} with {@code patches} (every file patch of this plan for one path) applied, in order. */
  private static byte[] patched(List<FilePatch> patches, byte[] content) {
    byte[] c = content;
    for (FilePatch f : patches) {
      FileResult r = Applier.apply(f, c);
      if (r.status() != FileResult.Status.APPLIES) {
        return c; // the file changed since the plan: the transaction's hash check refuses it
      }
      c = r.newContent();
    }
    return c;
  }
}
