package srro.kit;

import java.util.List;
import java.util.Optional;

/**
 * The commands that rebuild and install what the kit changes, as each kit's README gives them: the kernel
 * (GENERIC.MP; GENERIC on a single-processor kernel), scsi(8) and bioctl(8). Each step is one {@code sh -c}
 * command line; {@code $(machine)} is left to the shell.
 */
public final class RebuildSteps {
  private RebuildSteps() {}

  /** Why no shell line can name {@code src} (empty, or a quote or newline in it), or empty when one can. */
  public static Optional<String> unnameable(String src) {
    if (src.isEmpty() || src.contains("'") || src.contains("\n")) {
      return Optional.of("not a source directory a shell line can name: " + src);
    }
    return Optional.empty();
  }

  /**
   * The steps for the source tree at {@code src} (an absolute path such as /usr/src); a {@code src} that is
   * {@link #unnameable} is a caller's bug.
   */
  public static List<String> of(String src) {
    Optional<String> why = unnameable(src);
    if (why.isPresent()) {
      throw new IllegalArgumentException(why.get());
    }
    String s = quote(src);
    return List.of(
        "cd " + s + "/sys/arch/$(machine)/compile/GENERIC.MP && make obj && make config && make && make install",
        "cd " + s + "/sbin/scsi && make obj && make && make install",
        "cd " + s + "/sbin/bioctl && make obj && make && make install");
  }

  /** {@code src} as a shell word: bare when it is only path characters, else in single quotes. */
  private static String quote(String src) {
    return src.matches("[A-Za-z0-9/._+-]+") ? src : "'" + src + "'";
  }

  /** What to do once every step succeeded. */
  public static final String AFTER = "reboot into the new kernel";
}
