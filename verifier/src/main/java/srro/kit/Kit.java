package srro.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A patch kit directory as shipped in {@code patches/openbsd-RELEASE/}: diffs named {@code NNN_name.diff}, applied
 * in the order of their numbers, and an ORIGINALS file. {@link #patchset()} is what {@code srro kit build}
 * signs: the diffs concatenated in order, byte for byte, so the same kit always gives the same bytes.
 */
public record Kit(String source, List<Diff> diffs, Originals originals) {
  /** Largest diff accepted in a kit. */
  public static final int MAX_DIFF_BYTES = 4 << 20;

  /** Most diffs a kit may have. */
  public static final int MAX_DIFFS = 999;

  private static final Pattern NAME = Pattern.compile("[0-9]{3}_[a-z0-9_]+\\.diff");

  /** One diff of the kit: its file name and bytes. */
  public record Diff(String name, byte[] bytes) {
    public Diff {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  public Kit {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(originals, "originals");
    diffs = List.copyOf(diffs);
    if (diffs.isEmpty()) {
      throw new IllegalArgumentException("a kit needs at least one diff");
    }
  }

  /** Reads the kit in {@code dir}: every {@code NNN_name.diff} in name order, and ORIGINALS. */
  public static Kit load(Path dir) throws IOException, KitFormatException {
    return load(dir, dir.toString());
  }

  /** As {@link #load(Path)}, naming the kit {@code source} in messages. */
  static Kit load(Path dir, String source) throws IOException, KitFormatException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(source, null, "not a kit directory");
    }
    List<Path> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.filter(p -> p.getFileName().toString().endsWith(".diff"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    }
    if (names.isEmpty()) {
      throw new KitFormatException(source, -1, source + ": no NNN_name.diff files in the kit");
    }
    if (names.size() > MAX_DIFFS) {
      throw new KitFormatException(source, -1, source + ": more than " + MAX_DIFFS + " diffs");
    }
    List<Diff> diffs = new ArrayList<>();
    String previous = "";
    for (Path p : names) {
      String name = p.getFileName().toString();
      if (!NAME.matcher(name).matches()) {
        throw new KitFormatException(source, -1, source + "/" + name + ": expected a name like 001_what.diff");
      }
      if (name.substring(0, 3).equals(previous)) {
        throw new KitFormatException(source, -1, source + "/" + name + ": two diffs numbered " + previous);
      }
      previous = name.substring(0, 3);
      diffs.add(new Diff(name, read(p, MAX_DIFF_BYTES)));
    }
    Path originals = dir.resolve("ORIGINALS");
    return new Kit(source, diffs, Originals.parse(originals.toString(), read(originals, Originals.MAX_BYTES)));
  }

  private static byte[] read(Path p, int max) throws IOException, KitFormatException {
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new KitFormatException(p.toString(), -1, p + ": not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(p)) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      throw new KitFormatException(p.toString(), -1, p + ": more than the limit of " + max + " bytes");
    }
    return bytes;
  }

  /** The diffs concatenated in order: the message {@code srro kit build} signs. */
  public byte[] patchset() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Diff d : diffs) {
      out.writeBytes(d.bytes());
    }
    return out.toByteArray();
  }
}
