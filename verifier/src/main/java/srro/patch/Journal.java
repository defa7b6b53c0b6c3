package srro.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * {@code file} lines, so a journal cut short is recognised.
 */
record Journal(String id, Kind kind, List<String> dirs, List<Entry> entries) {
  static final String MAGIC = "srro-patch-journal 1";
  static final int MAX_BYTES = 64 << 20;

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
