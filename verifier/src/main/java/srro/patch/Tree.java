package srro.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * A directory tree patched in place (patch -d DIR). Every target is reached from the tree's root one component
 * at a time without following a symbolic link ({@link OpenDir}), so a link anywhere on the way, planted before
 * or swapped in during a run, is refused instead of followed, and paths deeper than PATH_MAX work. The target
 * itself must be a regular file. {@link Transaction} re-checks this just before each rename.
 */
public final class Tree implements Source {
  /** Largest file read for patching, in bytes. */
  public static final long MAX_FILE_BYTES = 256L << 20;
  /** NAME_MAX: the longest file name component, in bytes. */
  static final int NAME_MAX = 255;
  /** PATH_MAX less the terminating NUL: the longest path a directory can be created at. */
  static final int PATH_MAX = 4095;

  private final Path root;

  private Tree(Path root) {
    this.root = root;
  }

  /** Opens the tree at {@code root}, which must be an existing directory. */
  public static Tree open(Path root) throws IOException {
    Path real = root.toRealPath();
    if (!Files.isDirectory(real)) {
      throw new java.nio.file.NotDirectoryException(root.toString());
    }
    return new Tree(real);
  }

  /** The tree's real path. */
  public Path root() {
    return root;
  }

  /** The tree's root, opened. */
  OpenDir openRoot() throws IOException {
    return OpenDir.open(root);
  }

  @Override
  public Optional<String> refusal(String path) throws IOException {
    Optional<String> r = TargetPath.refusal(path);
    if (r.isPresent()) {
      return r;
    }
    String[] parts = path.split("/");
    for (String part : parts) {
      if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        return Optional.of("path " + TargetPath.printable(path) + " has a name longer than " + NAME_MAX + " bytes");
      }
    }
    OpenDir dir = openRoot();
    try {
      for (int i = 0; i < parts.length - 1; i++) {
        Optional<PosixFileAttributes> a = dir.attributes(parts[i]);
        if (a.isEmpty()) {
          if ((root + "/" + path).getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
            return Optional.of("path " + TargetPath.printable(path) + " is too deep to create its directories");
          }
          return Optional.empty();
        }
        if (a.get().isSymbolicLink()) {
          return Optional.of("path " + TargetPath.printable(path) + " goes through the symbolic link "
              + TargetPath.printable(String.join("/", java.util.Arrays.copyOf(parts, i + 1))));
        }
        if (!a.get().isDirectory()) {
          return Optional.of("a parent of " + TargetPath.printable(path) + " is not a directory");
        }
        OpenDir next = dir.child(parts[i]);
        dir.close();
        dir = next;
      }
      Optional<PosixFileAttributes> a = dir.attributes(parts[parts.length - 1]);
      if (a.isPresent() && a.get().isSymbolicLink()) {
        return Optional.of(TargetPath.printable(path) + " is a symbolic link");
      }
      if (a.isPresent() && !a.get().isRegularFile()) {
        return Optional.of(TargetPath.printable(path) + " is not a regular file");
      }
      return Optional.empty();
    } finally {
      dir.close();
    }
  }

  /**
   * {@inheritDoc} A regular file with more than one hard link is refused: it could be a link planted to a file
   * outside the tree, whose content would end up in the tree and in the backups.
   */
  @Override
  public Optional<byte[]> read(String path) throws IOException, TargetRefusedException {
    Optional<OpenDir> parent = parentIfExists(path);
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    try (OpenDir d = parent.get()) {
      String name = name(path);
      Optional<PosixFileAttributes> a = d.attributes(name);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      if (a.get().isRegularFile()) {
        long links = d.linkCount(name, a.get(), path);
        if (links > 1) {
          throw new TargetRefusedException(path, "has " + links + " hard links, so it may be a link planted to a"
              + " file outside the tree; srro reads, rewrites and backs up only files with one; nothing was"
              + " touched");
        }
      }
      return Optional.of(d.read(name, MAX_FILE_BYTES, path));
    }
  }

  /** The last component of {@code path}. */
  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The directory holding {@code path}, opened; it must exist and be reached without a link. */
  OpenDir parent(String path) throws IOException {
    return parentIfExists(path).orElseThrow(() -> new TreeChangedException(
        path + ": its directory disappeared during the transaction"));
  }

  private Optional<OpenDir> parentIfExists(String path) throws IOException {
    String[] parts = path.split("/");
    OpenDir dir = openRoot();
    try {
      for (int i = 0; i < parts.length - 1; i++) {
        Optional<PosixFileAttributes> a = dir.attributes(parts[i]);
        if (a.isEmpty()) {
          dir.close();
          return Optional.empty();
        }
        if (!a.get().isDirectory()) {
          String prefix = String.join("/", java.util.Arrays.copyOf(parts, i + 1));
          throw new TreeChangedException(path + ": " + (a.get().isSymbolicLink()
              ? "goes through the symbolic link " + TargetPath.printable(prefix)
              : TargetPath.printable(prefix) + " is not a directory") + "; nothing was changed");
        }
        OpenDir next = dir.child(parts[i]);
        dir.close();
        dir = next;
      }
      return Optional.of(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Whether the directory {@code dir} (tree-relative) exists, reached without a link. */
  boolean directoryExists(String dir) throws IOException {
    Optional<OpenDir> parent = parentIfExists(dir);
    if (parent.isEmpty()) {
      return false;
    }
    try (OpenDir d = parent.get()) {
      return d.attributes(name(dir)).map(PosixFileAttributes::isDirectory).orElse(false);
    }
  }

  /**
   * Creates the directory {@code dir}, whose parent exists. Java has no mkdirat: the directory is made by
   * path, then checked from its parent, opened without links; if a link was swapped in meanwhile the
   * transaction stops having made at most one empty directory elsewhere.
   */
  void createDirectory(String dir) throws IOException {
    try (OpenDir parent = parent(dir)) {
      Files.createDirectory(root.resolve(dir));
      PosixFileAttributes a = parent.attributes(name(dir)).orElseThrow(() -> new NoSuchFileException(dir));
      if (!a.isDirectory()) {
        throw new TreeChangedException(dir + ": not the directory srro just created");
      }
      parent.fsync();
    }
  }

  /** Removes the directory {@code dir} if it is empty; a directory with files in it is left. */
  void removeEmptyDirectory(String dir) throws IOException {
    Optional<OpenDir> parent = parentIfExists(dir);
    if (parent.isEmpty()) {
      return;
    }
    try (OpenDir p = parent.get()) {
      Optional<PosixFileAttributes> a = p.attributes(name(dir));
      if (a.isPresent() && a.get().isDirectory()) {
        try {
          p.deleteDirectory(name(dir));
          p.fsync();
        } catch (java.nio.file.DirectoryNotEmptyException keep) {
          // something else lives there now; leave it
        }
      }
    }
  }
}
