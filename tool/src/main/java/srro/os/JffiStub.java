package srro.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * jffi's native stub, unpacked by srro before jffi loads, so that jffi writes no file of its own. Left to
 * itself, jffi copies the stub into java.io.tmpdir on every load, and where that directory cannot hold a
 * loadable library (mounted noexec) it writes one into the current directory, which for {@code srro patch}
 * is the tree being patched; a JVM exiting in the middle left the copy behind. Here the copy goes into a
 * directory only this user can enter, made for it; it is loaded with System.load first, so a directory that
 * cannot hold one means jffi is not used at all, and jffi is then pointed at it ({@code jffi.boot.library.path})
 * and loads the very same library. {@link #cleanUp} removes both once jffi is loaded (a loaded library stays
 * mapped); both are also marked to be removed when the JVM exits.
 */
final class JffiStub {
  /** Larger than any jffi stub (the largest, x86_64-OpenBSD, is 497 KiB). */
  private static final int MAX_BYTES = 4 << 20;

  private static Boolean ready;
  /** The directory the copy was unpacked in, while it exists (tests look). */
  static Path dir;
  private static Path file;

  private JffiStub() {}

  /** jffi's name for this machine's directory in its jar (x86_64-Linux), or null for one srro does not know. */
  static String platform(String osName, String osArch) {
    String cpu = switch (osArch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> null;
    };
    String os = switch (osName) {
      case "Linux" -> "Linux";
      case "OpenBSD" -> "OpenBSD";
      default -> null;
    };
    return cpu == null || os == null ? null : cpu + "-" + os;
  }

  /** Unpacks and loads the stub once per process; false when it cannot, and then jffi must not be touched. */
  static synchronized boolean prepare() {
    if (ready != null) {
      return ready;
    }
    ready = false;
    String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    if (platform == null) {
      return false;
    }
    try (InputStream in = JffiStub.class.getClassLoader().getResourceAsStream("jni/" + platform
        + "/libjffi-1.2.so")) {
      if (in == null) {
        return false;
      }
      byte[] stub = in.readNBytes(MAX_BYTES + 1);
      if (stub.length > MAX_BYTES) {
        return false;
      }
      dir = Files.createTempDirectory("srro-jffi"); // mode 0700
      dir.toFile().deleteOnExit();
      file = dir.resolve("libjffi-1.2.so");
      file.toFile().deleteOnExit(); // removed before the directory: the hook runs in reverse order
      Files.write(file, stub, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      System.load(file.toString());
      System.setProperty("jffi.boot.library.path", dir.toString());
      ready = true;
    } catch (IOException | LinkageError | RuntimeException e) {
      cleanUp(); // a noexec temporary directory, no room, a JVM already shutting down
    }
    return ready;
  }

  /** Removes the unpacked copy and its directory; jffi, once loaded, does not need them. */
  static synchronized void cleanUp() {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
      if (dir != null) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException ignored) {
      // marked for removal at exit as well
    }
  }
}
