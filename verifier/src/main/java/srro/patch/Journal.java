package srro.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intent record of a transaction, written and fsynced before anything in the tree changes, in
 * {@code .srro-patch/journal}:
 *
 * <pre>
 * srro-patch-journal 1
 * id 1a2b3c4d
 * kind apply
 * dir sys/newdir
 * file PATH TAB BEFORE-SHA256|- TAB AFTER-SHA256|- TAB TEMP-PATH|- TAB BACKUP-NAME|-
 * end 3
 * </pre>
 *
 * {@code dir} lines name directories the transaction creates, parents first. {@code end} carries the number of
 * {@code file} lines, so a journal cut short is recognised. The temporary of file {@code i} is {@code
 * .srro-ID-i} beside it and its pre-image copy {@code ID-NNNNNN} (a record of the state directory's {@code
 * ID-pack}; a file of its own in an earlier srro): short whatever the
 * target's name, and the only names recovery will touch ({@link #refusal}). A file the transaction moves to its
 * {@code FILE.orig} ({@link #moves}) has no copy ({@code -}): that backup holds its old content, and undoing
 * reads it from there, checked against its hash.
 */
record Journal(String id, Kind kind, List<String> dirs, List<Entry> entries) {
  static final String MAGIC = "srro-patch-journal 1";
  static final int MAX_BYTES = 64 << 20;
  /** The suffix of patch(1)'s backups, which {@link Plan#changes} adds beside every changed file. */
  private static final String ORIG = ".orig";

  enum Kind {
    APPLY,
    ROLLBACK
  }

  /** One file: hashes are lowercase hex SHA-256 or null for "absent". */
  record Entry(String path, String before, String after, String temp, String backup) {
    Entry {
      Objects.requireNonNull(path, "path");
    }
  }

  Journal {
    dirs = List.copyOf(dirs);
    entries = List.copyOf(entries);
  }

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{8}");
  private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  /** The temporary file srro writes the new content of entry {@code i} of {@code path} to. */
  static String tempName(String path, String id, int i) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
    return dir + ".srro-" + id + "-" + i;
  }

  /** The temporary file that puts back entry {@code i} of {@code path} when a commit is undone. */
  static String undoName(String path, String id, int i) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
    return dir + ".srro-undo-" + id + "-" + i;
  }

  /** The state-directory copy of the content entry {@code i} had before. */
  static String backupName(String id, int i) {
    String n = Integer.toString(i); // what "%06d" gives, without a Formatter per file
    return id + "-" + "000000".substring(Math.min(6, n.length())) + n;
  }

  /**
   * The entries whose new content is the old content of another entry's file that the transaction replaces or
   * deletes anyway: by index of the receiving entry ({@code FILE.orig}), the index of the one it comes from
   * ({@code FILE}). Such a file is moved (one rename, as patch(1) makes its backups) instead of copied to a
   * temporary: one file fewer written and synced per patched file. Derived from the journal alone, so recovery
   * finds the same pairs; a path named twice, or in two pairs, is never paired.
   */
  static Map<Integer, Integer> moves(List<Entry> entries) {
    Map<String, Integer> index = new java.util.HashMap<>();
    java.util.Set<String> twice = new java.util.HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      if (index.put(entries.get(i).path(), i) != null) {
        twice.add(entries.get(i).path());
      }
    }
    Map<Integer, Integer> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry to = entries.get(i);
      String p = to.path();
      if (!p.endsWith(ORIG) || to.after() == null || to.temp() == null || twice.contains(p)) {
        continue;
      }
      String fromPath = p.substring(0, p.length() - ORIG.length());
      Integer from = index.get(fromPath);
      if (from == null || twice.contains(fromPath) || !to.after().equals(entries.get(from).before())
          || (entries.get(from).after() != null && entries.get(from).temp() == null)) {
        continue;
      }
      out.put(i, from);
    }
    // A file both moved and receiving a move (a.orig and a.orig.orig) is left to temporaries: order matters there.
    java.util.Set<Integer> chained = new java.util.HashSet<>();
    out.forEach((to, from) -> {
      if (out.containsKey(from)) {
        chained.add(to);
        chained.add(from);
      }
    });
    out.keySet().removeAll(chained);
    return out;
  }

  /** {@code moves} ({@link #moves}) the other way round: by index of the file moved, the index of its backup. */
  static Map<Integer, Integer> inverse(Map<Integer, Integer> moves) {
    Map<Integer, Integer> out = new java.util.HashMap<>();
    moves.forEach((to, from) -> out.put(from, to));
    return out;
  }

  /**
   * Why this journal is not one srro wrote, or empty: every path must pass the containment rules of a patch
   * target, every temporary and copy must have the name srro generates for it, every directory must hold a
   * file of the journal, every hash must be a SHA-256.
   */
  Optional<String> refusal() {
    if (!ID.matcher(id).matches()) {
      return Optional.of("transaction id " + TargetPath.printable(id) + " is not 8 hex digits");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Collection<Integer> movedAway = moves(entries).values();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String where = "file " + (i + 1) + " (" + TargetPath.printable(e.path()) + ")";
      Optional<String> bad = pathRefusal(e.path());
      if (bad.isPresent()) {
        return Optional.of(where + ": " + bad.get());
      }
      if (!seen.add(e.path())) {
        return Optional.of(where + ": named twice");
      }
      if ((e.before() == null && e.after() == null) || !hash(e.before()) || !hash(e.after())) {
        return Optional.of(where + ": hashes must be SHA-256 or '-', not both '-'");
      }
      if (!Objects.equals(e.temp(), e.after() == null ? null : tempName(e.path(), id, i))) {
        return Optional.of(where + ": temporary " + TargetPath.printable(String.valueOf(e.temp()))
            + " is not the name srro gives it");
      }
      // The file a move takes to its FILE.orig has no copy: that file is its copy (an earlier srro made one).
      if (!Objects.equals(e.backup(), e.before() == null ? null : backupName(id, i))
          && !(e.backup() == null && movedAway.contains(i))) {
        return Optional.of(where + ": copy " + TargetPath.printable(String.valueOf(e.backup()))
            + " is not the name srro gives it");
      }
    }
    for (String d : dirs) {
      Optional<String> bad = pathRefusal(d);
      if (bad.isPresent()) {
        return Optional.of("directory " + TargetPath.printable(d) + ": " + bad.get());
      }
      if (entries.stream().noneMatch(e -> e.after() != null && e.path().startsWith(d + "/"))) {
        return Optional.of("directory " + TargetPath.printable(d) + " holds no file of the journal");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> pathRefusal(String p) {
    if (p.isEmpty() || !TargetPath.normalize(p).equals(p)) {
      return Optional.of("not a normalized relative path");
    }
    return TargetPath.refusal(p);
  }

  private static boolean hash(String h) {
    return h == null || SHA256.matcher(h).matches();
  }

  byte[] encode() {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("id ").append(id).append('\n');
    sb.append("kind ").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    for (String d : dirs) {
      sb.append("dir ").append(d).append('\n');
    }
    for (Entry e : entries) {
      sb.append("file ").append(e.path()).append('\t').append(dash(e.before())).append('\t')
          .append(dash(e.after())).append('\t').append(dash(e.temp())).append('\t').append(dash(e.backup()))
          .append('\n');
    }
    sb.append("end ").append(entries.size()).append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Journal parse(String source, byte[] bytes) throws PatchFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new PatchFormatException(source, -1, "journal larger than " + MAX_BYTES + " bytes");
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 4 || !lines[0].equals(MAGIC)) {
      throw new PatchFormatException(source, 1, "expected '" + MAGIC + "'");
    }
    if (!lines[1].startsWith("id ") || !lines[2].startsWith("kind ")) {
      throw new PatchFormatException(source, 2, "expected 'id' and 'kind' lines");
    }
    Kind kind;
    try {
      kind = Kind.valueOf(lines[2].substring(5).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PatchFormatException(source, 3, "kind must be apply or rollback");
    }
    List<String> dirs = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty() && i == lines.length - 1) {
        break;
      }
      if (l.startsWith("dir ")) {
        dirs.add(l.substring(4));
      } else if (l.startsWith("file ")) {
        String[] f = l.substring(5).split("\t", -1);
        if (f.length != 5) {
          throw new PatchFormatException(source, i + 1, "expected 5 tab-separated fields in a file line");
        }
        entries.add(new Entry(f[0], undash(f[1]), undash(f[2]), undash(f[3]), undash(f[4])));
      } else if (l.startsWith("end ")) {
        if (!l.equals("end " + entries.size()) || i + 2 != lines.length || !lines[i + 1].isEmpty()) {
          throw new PatchFormatException(source, i + 1, "journal ends with a wrong file count");
        }
        return new Journal(lines[1].substring(3), kind, dirs, entries);
      } else {
        throw new PatchFormatException(source, i + 1, "unexpected journal line");
      }
    }
    throw new PatchFormatException(source, lines.length, "journal has no 'end' line: cut short");
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static String undash(String s) {
    return s.equals("-") ? null : s;
  }
}
