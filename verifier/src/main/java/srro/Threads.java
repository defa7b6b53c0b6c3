package srro;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * srro's helper threads, which only make work faster: a process at its thread or process limit (a cgroup's
 * pids.max, RLIMIT_NPROC) gets none, and the work is then done on the calling thread instead of failing.
 */
public final class Threads {
  /** Tests set it to refuse every helper thread, as a process at its limit does. */
  public static volatile boolean refuse;

  private Threads() {}

  /** Starts a daemon thread {@code name} running {@code r}; empty when no thread can be created now. */
  public static Optional<Thread> start(String name, Runnable r) {
    try {
      Thread t = daemon(name, r);
      t.start();
      return Optional.of(t);
    } catch (OutOfMemoryError noThread) {
      return Optional.empty(); // the JVM's answer to a failed pthread_create: nothing else was allocated
    }
  }

  /**
   * A pool's daemon threads named {@code name}; when none can be created, the pool's submit throws
   * OutOfMemoryError, as it does at a real limit, and the caller does the work itself.
   */
  public static ThreadFactory daemons(String name) {
    return r -> daemon(name, r);
  }

  /** A daemon thread {@code name}, not started; refused as at a thread limit while {@link #refuse} is set. */
  private static Thread daemon(String name, Runnable r) {
    if (refuse) {
      throw new OutOfMemoryError("unable to create native thread: refused for a test");
    }
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
