package srro.kit;

import java.util.List;
import java.util.Optional;

/**
 * The kits srro ships, one per supported OpenBSD release and one for -current; each is the directory of the same
 * name under {@code patches/} in the source tree and under {@code srro/kit/kits/} in the jar.
 */
public enum KitId {
  OPENBSD_7_7("7.7"),
  OPENBSD_7_8("7.8"),
  OPENBSD_7_9("7.9"),
  /** Made on the 8.0-beta tree of 2026-08-19; see its README. */
  CURRENT("current");

  private final String release;

  KitId(String release) {
    this.release = release;
  }

  /** The name {@code --release} takes: "7.7", "current". */
  public String release() {
    return release;
  }

  /** The kit's directory: "openbsd-7.7", "openbsd-current". */
  public String directory() {
    return "openbsd-" + release;
  }

  /** How the kit's diff headers name the release: "7.7", "-current". */
  public String label() {
    return this == CURRENT ? "-current" : release;
  }

  /** Whether this is a release's kit (not -current's). */
  boolean isRelease() {
    return this != CURRENT;
  }

  /** The kit {@code --release NAME} names. */
  public static Optional<KitId> named(String name) {
    for (KitId k : values()) {
      if (k.release.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Every name {@code --release} takes, in order: "7.7, 7.8, 7.9, current". */
  public static String names() {
    return String.join(", ", List.of(values()).stream().map(KitId::release).toList());
  }
}
