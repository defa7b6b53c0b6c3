package srro.patch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Files written in one phase of a transaction, fsynced on a few threads while the next ones are written, and all
 * durable when {@link #await} returns. The durability promise is the same as fsyncing each file before writing
 * the next (nothing depends on the order among them, only on all of them before the commit marker); the cost is
 * not: the file system commits concurrent fsyncs together instead of one journal commit per file and step.
 */
final class Syncs implements AutoCloseable {
  /** fsyncs in flight at once; each holds one open file until it is done. */
  static final int THREADS = 8;

  private static final int IN_FLIGHT = 4 * THREADS;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, srro.Threads.daemons("srro-fsync"));
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private final List<Future<?>> pending = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  /** Fsyncs and closes {@code ch} (the file {@code label}) soon; it is this object's to close from now on. */
  void add(FileChannel ch, String label) throws IOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      ch.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(label + ": interrupted before it was synced");
    }
    try {
      pending.add(pool.submit(() -> {
        try (ch) {
          ch.force(true);
        } finally {
          slots.release();
        }
        return null;
      }));
      labels.add(label);
    } catch (OutOfMemoryError noThread) { // no thread could be started for it: synced here, now
      slots.release();
      try (ch) {
        ch.force(true);
      }
    } catch (RuntimeException e) {
      slots.release();
      ch.close();
      throw e;
    }
  }

  /** Waits until every file added so far is durable; throws the first failure. */
  void await() throws IOException {
    IOException first = null;
    for (int i = 0; i < pending.size(); i++) {
      try {
        pending.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        first = first != null ? first : new InterruptedIOException(labels.get(i) + ": interrupted while synced");
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof IOException io ? io
              : new IOException(labels.get(i) + ": cannot be synced", e.getCause());
        }
      }
    }
    pending.clear();
    labels.clear();
    if (first != null) {
      throw first;
    }
  }

  /** Waits for what is in flight (closing every file) and stops the threads; a failure here is not reported. */
  @Override
  public void close() {
    try {
      await();
    } catch (IOException ignored) {
      // the phase already failed, or await() reported it
    } finally {
      pool.shutdown();
    }
  }
}
