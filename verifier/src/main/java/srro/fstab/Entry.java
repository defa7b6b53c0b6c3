package srro.fstab;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An fstab line read as a file system entry: {@code fs_spec fs_file fs_vfstype fs_mntops fs_freq fs_passno}
 * (fstab(5)). Accessors give the fields as written; the entry never normalises the line it came from.
 */
public record Entry(Line line, Dialect dialect) {
  public static final int SPEC = 0;
  public static final int FILE = 1;
  public static final int VFSTYPE = 2;
  public static final int MNTOPS = 3;
  public static final int FREQ = 4;
  public static final int PASSNO = 5;

  public Entry {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(dialect, "dialect");
    if (!line.isEntry()) {
      throw new IllegalArgumentException("line " + line.number() + " is not an entry");
    }
  }

  /** Field {@code index} (0-based), if the line has it. */
  public Optional<Field> field(int index) {
    return index < line.fields().size() ? Optional.of(line.fields().get(index)) : Optional.empty();
  }

  /** fs_spec, escapes decoded. */
  public String spec() {
    return line.fields().get(SPEC).decoded();
  }

  /** fs_file, escapes decoded; empty when the line has only a spec. */
  public String file() {
    return field(FILE).map(Field::decoded).orElse("");
  }

  /** What a report calls the entry: its mount point, or its spec for swap and entries without one. */
  public String target() {
    String file = file();
    return file.isEmpty() || (isSwap() && (file.equals("none") || file.equals("swap"))) ? spec() : file;
  }

  /** fs_vfstype as written; empty when missing. */
  public String type() {
    return field(VFSTYPE).map(Field::raw).orElse("");
  }

  /** fs_mntops split on commas, as written; empty when the field is missing. */
  public List<String> rawOptions() {
    return field(MNTOPS).map(f -> Arrays.asList(f.raw().split(",", -1))).orElse(List.of());
  }

  /**
   * The options in effect: on Linux a missing fs_mntops means {@code defaults}, which implies {@code rw}.
   */
  public List<String> options() {
    List<String> raw = rawOptions();
    if (raw.isEmpty() && dialect == Dialect.LINUX) {
      return List.of("defaults");
    }
    return raw;
  }

  /**
   * Whether the entry mounts read-only: the last of {@code ro}/{@code rw} wins, as mount(8) applies them in
   * order; with neither, it is read-write.
   */
  public boolean readOnly() {
    boolean ro = false;
    for (String o : options()) {
      if (o.equals("ro")) {
        ro = true;
      } else if (o.equals("rw") || o.equals("defaults")) {
        ro = false;
      }
    }
    return ro;
  }

  /** True when the options say {@code rw} explicitly or by default (no {@code ro}). */
  public boolean readWrite() {
    return !readOnly() && !isSwap() && !ignored();
  }

  /** True for swap space: type swap, or OpenBSD's {@code sw} option. */
  public boolean isSwap() {
    return type().equals("swap") || (dialect == Dialect.OPENBSD && rawOptions().contains("sw"));
  }

  /** True for an OpenBSD {@code xx} entry, which getfsent(3) callers skip. */
  public boolean ignored() {
    return dialect == Dialect.OPENBSD && rawOptions().contains("xx");
  }

  /** fs_passno; fstab(5) in both dialects says a missing field is 0. -1 when present but not a number. */
  public int passno() {
    return field(PASSNO).map(Field::number).orElse(0);
  }

  /** fs_freq with the same defaulting as {@link #passno()}. */
  public int freq() {
    return field(FREQ).map(Field::number).orElse(0);
  }
}
