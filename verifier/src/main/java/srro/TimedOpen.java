package srro;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An open(2) that cannot hang srro. Java cannot open with O_NONBLOCK, and opening a FIFO blocks until a writer
 * opens it too, so the open runs on a daemon thread and is given up after a bounded wait. An open that
 * completes after it was given up is closed as soon as it returns; the blocked thread never keeps the JVM alive.
 */
public final class TimedOpen {
  private static final ExecutorService OPENER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "srro-open");
    t.setDaemon(true);
    return t;
  }); // not Threads.daemons: an open needs its thread, a test that refuses helpers does not refuse it

  private TimedOpen() {}

  /**
   * What {@code open} returned within {@code wait}, or empty when it had not returned by then.
   *
   * @param label what is being opened, for the message when the wait is interrupted
   */
  public static <T extends Closeable> Optional<T> within(Duration wait, String label, Callable<T> open)
      throws IOException {
    Future<T> f;
    try {
      f = OPENER.submit(open);
    } catch (OutOfMemoryError noThread) {
      throw new IOException(label + ": not opened: no thread could be started to bound the open in time (this"
          + " process is at its thread or process limit)");
    }
    try {
      return Optional.of(f.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      try {
        OPENER.execute(() -> {
          try {
            f.get().close();
          } catch (Exception ignored) {
            // nothing was opened
          }
        });
      } catch (OutOfMemoryError noThread) {
        // at a thread limit: an open that still completes stays open until the process ends
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(label + ": interrupted while opening it");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code wait} in seconds with one decimal, as messages say it ("0.2", "10.0"). */
  public static String seconds(Duration wait) {
    return String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
  }
}
