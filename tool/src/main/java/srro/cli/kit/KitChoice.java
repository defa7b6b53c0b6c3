package srro.cli.kit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import picocli.CommandLine.Option;
import srro.MalformedInputException;
import srro.cli.Io;
import srro.cli.UsageException;
import srro.kit.Kit;
import srro.kit.KitId;
import srro.kit.KitResources;
import srro.kit.Release;
import srro.kit.ReleaseGuard;

/**
 * The options that say which tree and which kit: {@code -d DIR}, {@code --release R}, {@code --force},
 * {@code --kit DIR}. Without {@code --release} the kit is the one the tree's newvers.sh takes; with it, the tree
 * must take that kit unless {@code --force}. {@code --kit DIR} reads the kit's files from DIR instead of the
 * copy inside srro (a kit being written), checked against the release the same way.
 */
final class KitChoice {
  @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
  Path dir = Path.of("/usr/src");

  @Option(
      names = "--release",
      paramLabel = "R",
      description = "Use the kit for R (7.7, 7.8, 7.9, current) instead of the one the tree's newvers.sh picks.")
  String release;

  @Option(names = "--force", description = "Use the kit --release names even though the tree is another release.")
  boolean force;

  @Option(names = "--kit", paramLabel = "KITDIR", description = "Read the kit from KITDIR instead of srro's copy.")
  Path kitDir;

  /** The kit picked, the release the tree says it is (empty when forced past a missing newvers.sh), and why. */
  record Chosen(Kit kit, KitId id, Optional<Release> tree, String why) {}

  /**
   * {@link ReleaseGuard} said no: the tree is a release no kit is for, or another release than the kit named.
   * Not a usage error (the command line was right, the check ran and refused): the commands exit 1.
   */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  Chosen choose() throws IOException, MalformedInputException, UsageException, Refused {
    Optional<KitId> named = named(release);
    Path newvers = dir.resolve("sys/conf/newvers.sh");
    Optional<Release> tree = readRelease(newvers);
    KitId id;
    String why;
    if (tree.isEmpty()) {
      if (named.isEmpty() || !force) {
        throw new UsageException(newvers + ": missing, cannot tell the release; is " + dir
            + " an OpenBSD source tree? (--release R --force to use a kit anyway)");
      }
      id = named.get();
      why = "tree of unknown release, using kit " + id.directory() + " (forced)";
    } else if (named.isEmpty()) {
      ReleaseGuard.Verdict v = ReleaseGuard.select(tree.get());
      if (v instanceof ReleaseGuard.Use use) {
        id = use.kit();
        why = "OpenBSD " + tree.get() + " tree, using kit " + id.directory();
      } else {
        throw new Refused(dir + " is OpenBSD " + tree.get() + ", which no kit is for; kits: "
            + ReleaseGuard.supported() + " (--release R --force to use one anyway)");
      }
    } else {
      id = named.get();
      ReleaseGuard.Verdict v = ReleaseGuard.check(tree.get(), id);
      if (v instanceof ReleaseGuard.Mismatch m) {
        if (!force) {
          throw new Refused(dir + " is OpenBSD " + tree.get() + ", kit " + id.release()
              + " is for another release" + m.own().map(o -> "; its own kit is " + o.release())
                  .orElse(" and no kit is for it") + " (--force to use " + id.release() + " anyway)");
        }
        why = "OpenBSD " + tree.get() + " tree, using kit " + id.directory() + " (forced)";
      } else {
        why = "OpenBSD " + tree.get() + " tree, using kit " + id.directory();
      }
    }
    Kit kit = kitDir == null ? KitResources.load(id) : Kit.load(kitDir);
    return new Chosen(kit, id, tree, why);
  }

  /** The kit {@code --release} names, or empty; an unknown name is a usage error listing the known ones. */
  static Optional<KitId> named(String release) throws UsageException {
    if (release == null) {
      return Optional.empty();
    }
    Optional<KitId> id = KitId.named(release);
    if (id.isEmpty()) {
      throw new UsageException("no kit for release " + release + "; kits: " + KitId.names());
    }
    return id;
  }

  /** The tree's release, or empty when it has no newvers.sh; a symlink or non-file there is refused. */
  static Optional<Release> readRelease(Path newvers) throws IOException, MalformedInputException {
    if (!Files.exists(newvers, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(newvers, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(newvers.toString(), null, "not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(newvers, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(Release.MAX_BYTES + 1);
    }
    return Optional.of(Release.parse(newvers.toString(), bytes));
  }

  /** Says on standard error which kit is used. */
  static void say(Io io, Chosen c) {
    io.err().println("kit: " + c.why());
  }
}
