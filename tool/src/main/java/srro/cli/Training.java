package srro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The start-up archive's training run, which the launcher starts once per build or JDK (never a user's command):
 * it runs the short commands in-process on small inputs of its own, output discarded, so the classes they load
 * (picocli's help, the fstab lint, the decoders, the report) are mapped from the archive on every later run. It
 * opens no device: {@code check} is given a mount table, so no volume is read.
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

  private Training() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("srro-training");
    try {
      Path fstab = Files.writeString(dir.resolve("fstab"), FSTAB);
      Path mounts = Files.writeString(dir.resolve("mountinfo"), MOUNTINFO);
      Path sense = Files.writeString(dir.resolve("sense.hex"), SENSE);
      PrintStream none = new PrintStream(OutputStream.nullOutputStream(), false, "UTF-8");
      Io io = new Io(InputStream.nullInputStream(), none, none, Map.of());
      for (List<String> run : List.of(
          List.of("--version"),
          List.of("--help"),
          List.of("fstab", fstab.toString()),
          List.of("fstab", "--json", fstab.toString()),
          List.of("decode", "sense", "--inhex=" + sense),
          List.of("check", "--fstab", fstab.toString(), "--mounts", mounts.toString()),
          List.of("nosuch"))) {
        Main.run(run.toArray(String[]::new), io);
      }
    } finally {
      for (String f : List.of("fstab", "mountinfo", "sense.hex")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }
}
