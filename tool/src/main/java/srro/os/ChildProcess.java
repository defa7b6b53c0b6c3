package srro.os;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the system's tools (mount(8), sysctl(8), bioctl(8), dmesg(8)) when srro cannot ask the kernel
 * itself, and returns what it printed, bounded in bytes and time.
 */
public final class ChildProcess {
  private ChildProcess() {}

  static final long TIMEOUT_SECONDS = 10;

  /**
   * The standard output of {@code argv}, or null when the program cannot run, exits non-zero or takes longer than
   * 10 seconds. Output of {@code limit} bytes is returned as soon as it is read, without waiting for the program,
   * which is stopped: the caller passes its own limit plus one and reports the excess. Standard error is
   * discarded and standard input is empty.
   */
  public static byte[] stdout(int limit, String... argv) {
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return null;
    }
    Optional<Thread> watchdog = srro.Threads.start("srro-child", () -> {
      try {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly); // they may hold its stdout open
          p.destroyForcibly(); // ends the read below with EOF
        }
      } catch (InterruptedException e) {
        // the read finished first
      }
    });
    if (watchdog.isEmpty()) { // no thread to bound the read in time (a thread limit): not run after all
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      closeQuietly(p);
      return null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    try {
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(limit);
      if (out.length == limit) {
        return out; // as much as the caller reads: its parser says the output is too long
      }
      if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      p.destroyForcibly();
      watchdog.get().interrupt();
    }
  }

  /** Closes the three pipes to {@code p}. */
  private static void closeQuietly(Process p) {
    java.io.Closeable[] pipes = {p.getOutputStream(), p.getInputStream(), p.getErrorStream()};
    for (java.io.Closeable c : pipes) {
      try {
        c.close();
      } catch (IOException ignored) {
        // a pipe to a process being killed
      }
    }
  }
}
