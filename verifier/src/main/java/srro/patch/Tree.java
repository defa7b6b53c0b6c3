package srro.patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory tree patched in place (patch -d DIR). Every target must resolve inside it: the deepest existing
 * ancestor's real path (symlinks followed) lies under the tree's real path, and the target itself is a regular
 * file, not a symbolic link. {@link Transaction} re-checks this just before each rename.
 */
public final class Tree implements Source {
  /** Largest file read for patching, in bytes. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  private final Path root;
  private final Path realRoot;

  private Tree(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** Opens the tree at {@code root}, which must be an existing directory. */
  public static Tree open(Path root) throws IOException {
    Path real = root.toRealPath();
    if (!Files.isDirectory(real)) {
      throw new java.nio.file.NotDirectoryException(root.toString());
    }
    return new Tree(root, real);
  }

  /** The tree's real path. */
  public Path root() {
    return realRoot;
  }

  Path resolve(String path) {
    return realRoot.resolve(path);
  }

  @Override
  public Optional<String> refusal(String path) throws IOException {
    Optional<String> r = TargetPath.refusal(path);
    if (r.isPresent()) {
      return r;
    }
    Path target = resolve(path);
    if (!target.normalize().startsWith(realRoot)) {
      return Optional.of("path " + TargetPath.printable(path) + " leaves the tree");
    }
    if (Files.isSymbolicLink(target)) {
      return Optional.of(TargetPath.printable(path) + " is a symbolic link");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(TargetPath.printable(path) + " is not a regular file");
    }
    Path ancestor = target.getParent();
    while (ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null || !ancestor.toRealPath().startsWith(realRoot)) {
      return Optional.of("path " + TargetPath.printable(path) + " resolves outside the tree (symbolic link)");
    }
    if (!Files.isDirectory(ancestor)) {
      return Optional.of("a parent of " + TargetPath.printable(path) + " is not a directory");
    }
    return Optional.empty();
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    Path target = resolve(path);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    long size = Files.size(target);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(path + ": " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
    }
    return Optional.of(Files.readAllBytes(target));
  }
}
