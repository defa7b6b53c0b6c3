package srro.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kits in patches/ and OpenBSD's pristine trees they are written for. The trees are reference data outside
 * the repository ({@code shared/openbsd/<release>/}, found in a parent directory of the checkout, or
 * {@code $SRRO_OPENBSD_TREES}); tests only ever copy from them. Without them a test skips loudly, or fails under
 * CI=true, like any missing peer.
 */
public final class ReferenceTrees {
  /** One kit directory and the reference tree of the release it is written for. */
  public record KitTree(String kit, String tree) {
    @Override
    public String toString() {
      return kit;
    }
  }

  /** Every kit, with the tree it is checked against (-current's is the 8.0-beta tree). */
  public static final List<KitTree> KITS = List.of(
      new KitTree("openbsd-7.7", "7.7"),
      new KitTree("openbsd-7.8", "7.8"),
      new KitTree("openbsd-7.9", "7.9"),
      new KitTree("openbsd-current", "8.0-beta"));

  private ReferenceTrees() {}

  /** The checkout's root: the directory holding patches/compile-kit. */
  public static Path repo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("patches/compile-kit"))) {
        return d;
      }
    }
    throw new IllegalStateException("patches/compile-kit not found above " + Path.of("").toAbsolutePath());
  }

  public static Path kit(KitTree k) {
    return repo().resolve("patches").resolve(k.kit());
  }

  /** The reference tree for {@code k}, or the test is skipped (failed under CI=true). */
  public static Path tree(KitTree k) {
    Optional<Path> root = root();
    if (root.isEmpty() || !Files.isDirectory(root.get().resolve(k.tree()))) {
      Peer.missing("OpenBSD reference tree " + k.tree() + " (shared/openbsd/" + k.tree()
          + " above the checkout, or $SRRO_OPENBSD_TREES)");
    }
    return root.get().resolve(k.tree());
  }

  private static Optional<Path> root() {
    String env = System.getenv("SRRO_OPENBSD_TREES");
    if (env != null && !env.isEmpty()) {
      return Optional.of(Path.of(env));
    }
    for (Path d = repo(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/openbsd");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
