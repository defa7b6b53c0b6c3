package srro.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The start-up archive's training run, which the launcher starts once per build or JDK (never a user's command):
 * it runs the short commands in-process on small inputs of its own, output discarded, so the classes they load
 * (picocli's help, the fstab lint, the decoders, the report, the patch engine and its archive reader) are mapped
 * from the archive on every later run instead of read and verified from the jar. It opens no disk (only
 * /dev/null, as a non-regular input): {@code check} is given a mount table, so no volume is read; {@code patch}
 * changes a tree of its own in its directory.
 */
public final class Training {
  private static final String FSTAB = """
      UUID=0a3407de-014b-458b-b5c1-848e92a327a3 / ext4 errors=remount-ro 0 1
      /dev/sdb1 /mnt/archive ext4 ro,nofail 0 2
      tmpfs /tmp tmpfs defaults 0 0
      proc /proc proc defaults 0 0
      """;
  private static final String MOUNTINFO = """
      21 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
      22 21 8:17 / /mnt/archive rw,relatime shared:2 - ext4 /dev/sdb1 rw
      23 21 0:20 / /tmp rw,nosuid shared:3 - tmpfs tmpfs rw
      """;
  private static final String SENSE = "70 00 07 00 00 00 00 0a 00 00 00 00 27 00 00 00 00 00\n";
  private static final String OLD = "one\ntwo\nthree\n";
  private static final String DIFF = """
      --- a/f.c
      +++ b/f.c
      @@ -1,3 +1,3 @@
       one
      -two
      +2
       three
      """;

  private Training() {}

  public static void main(String[] args) throws IOException {
    train();
  }

  /** Runs every training command and returns each one's exit status, by its arguments. */
  static Map<String, Integer> train() throws IOException {
    Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
    Path dir = Files.createTempDirectory("srro-training");
    try {
      Path fstab = Files.writeString(dir.resolve("fstab"), FSTAB);
      Path mounts = Files.writeString(dir.resolve("mountinfo"), MOUNTINFO);
      Path sense = Files.writeString(dir.resolve("sense.hex"), SENSE);
      Path tree = Files.createDirectory(dir.resolve("tree"));
      Files.writeString(tree.resolve("f.c"), OLD);
      Path diff = Files.writeString(dir.resolve("u.diff"), DIFF);
      Path tarball = Files.write(dir.resolve("src.tar.gz"), tarGz("f.c", OLD.getBytes(StandardCharsets.US_ASCII)));
      PrintStream none = new PrintStream(OutputStream.nullOutputStream(), false, "UTF-8");
      Io io = new Io(InputStream.nullInputStream(), none, none, Map.of());
      for (List<String> run : List.of(
          List.of("--version"),
          List.of("--help"),
          List.of("fstab", fstab.toString()),
          List.of("fstab", "--json", fstab.toString()),
          List.of("decode", "sense", "--inhex=" + sense),
          // an input that is not a regular file, opened on a thread bounded in time (TimedOpen); /dev/null holds
          // no hex, so this one ends in a format error
          List.of("decode", "sense", "--inhex=/dev/null"),
          List.of("check", "--fstab", fstab.toString(), "--mounts", mounts.toString()),
          List.of("patch", "status", "-p1", "--archive", tarball.toString(), diff.toString()),
          List.of("patch", "status", "-p1", "-d", tree.toString(), diff.toString()),
          List.of("patch", "apply", "-p1", "--dry-run", "-d", tree.toString(), diff.toString()),
          List.of("patch", "apply", "-p1", "-d", tree.toString(), diff.toString()),
          List.of("nosuch"))) {
        statuses.put(String.join(" ", run).replace(dir + "/", ""), Main.run(run.toArray(String[]::new), io));
      }
    } finally {
      removeAll(dir);
    }
    return statuses;
  }

  /** Deletes {@code dir}, made by this run, and everything in it (Files.walk follows no link). */
  private static void removeAll(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A gzipped ustar archive of one regular file {@code name}. */
  static byte[] tarGz(String name, byte[] content) throws IOException {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(header);
      gz.write(content);
      gz.write(new byte[(512 - content.length % 512) % 512 + 1024]);
    }
    return out.toByteArray();
  }

  private static void put(byte[] header, int at, String field) {
    byte[] b = field.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }
}
