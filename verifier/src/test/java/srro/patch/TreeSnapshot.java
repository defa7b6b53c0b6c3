package srro.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every regular file (and symlink) under a directory with its SHA-256, for "byte-identical tree" checks. */
record TreeSnapshot(Map<String, String> files) {
  /** Snapshot of {@code root}, leaving out srro's state directory and, unless {@code withOrig}, .orig files. */
  static TreeSnapshot of(Path root, boolean withOrig) {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty() || rel.equals(".srro-patch") || rel.startsWith(".srro-patch/")) {
          continue;
        }
        if (!withOrig && rel.endsWith(".orig")) {
          continue;
        }
        if (Files.isSymbolicLink(p)) {
          m.put(rel, "link:" + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          m.put(rel, DurableFiles.hash(Files.readAllBytes(p)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSnapshot(m);
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
