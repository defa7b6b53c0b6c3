package srro.kit;

import java.util.Objects;
import java.util.Optional;

/**
 * Which kit a tree takes, from its {@link Release}: a release's own kit for the release, its {@code -stable}
 * branch and its {@code -beta}; the -current kit for {@code -current} from the newest release with a kit on,
 * and for the {@code -beta} of a release that has no kit of its own. Anything else has no kit: applying a kit
 * written for other files would at best fail its plan and at worst apply to code it was never checked on.
 */
public final class ReleaseGuard {
  private ReleaseGuard() {}

  /** The answer for one tree. */
  public sealed interface Verdict permits Use, Unsupported, Mismatch {}

  /** Use {@code kit}; {@code tree} is the release that chose it. */
  public record Use(KitId kit, Release tree) implements Verdict {
    public Use {
      Objects.requireNonNull(kit, "kit");
      Objects.requireNonNull(tree, "tree");
    }
  }

  /** No kit is written for {@code tree}; {@link #supported()} says which releases are. */
  public record Unsupported(Release tree) implements Verdict {
    public Unsupported {
      Objects.requireNonNull(tree, "tree");
    }

    /** The releases that have a kit, as a sentence fragment. */
    public String supported() {
      return ReleaseGuard.supported();
    }
  }

  /** {@code wanted} was asked for, but {@code tree} takes {@code own} (empty: no kit at all). */
  public record Mismatch(KitId wanted, Release tree, Optional<KitId> own) implements Verdict {
    public Mismatch {
      Objects.requireNonNull(wanted, "wanted");
      Objects.requireNonNull(tree, "tree");
      Objects.requireNonNull(own, "own");
    }
  }

  /** The kit {@code tree} takes. */
  public static Verdict select(Release tree) {
    Optional<KitId> own = own(tree);
    return own.<Verdict>map(k -> new Use(k, tree)).orElseGet(() -> new Unsupported(tree));
  }

  /** Whether {@code tree} takes {@code wanted}, the kit a user named. */
  public static Verdict check(Release tree, KitId wanted) {
    Optional<KitId> own = own(tree);
    if (own.isPresent() && own.get() == wanted) {
      return new Use(wanted, tree);
    }
    return new Mismatch(wanted, tree, own);
  }

  /** "OpenBSD 7.7, 7.8, 7.9 (release, -stable or -beta), 7.9-current or later, and the -beta of a later release". */
  public static String supported() {
    StringBuilder b = new StringBuilder("OpenBSD ");
    for (KitId k : KitId.values()) {
      if (k.isRelease()) {
        b.append(k.release()).append(", ");
      }
    }
    b.setLength(b.length() - 2);
    return b.append(" (release, -stable or -beta), ").append(newestRelease().release())
        .append("-current or later, and the -beta of a later release").toString();
  }

  private static Optional<KitId> own(Release tree) {
    Optional<KitId> release = KitId.named(tree.osr()).filter(KitId::isRelease);
    switch (tree.status()) {
      case "", "-stable" -> {
        return release;
      }
      case "-beta" -> {
        return release.isPresent() ? release : newerThanEveryRelease(tree) ? Optional.of(KitId.CURRENT)
            : Optional.empty();
      }
      case "-current" -> {
        return tree.atLeast(newestRelease().release()) ? Optional.of(KitId.CURRENT) : Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static boolean newerThanEveryRelease(Release tree) {
    return tree.atLeast(newestRelease().release()) && !tree.osr().equals(newestRelease().release());
  }

  private static KitId newestRelease() {
    KitId newest = null;
    for (KitId k : KitId.values()) {
      if (k.isRelease()) {
        newest = k;
      }
    }
    return newest;
  }
}
