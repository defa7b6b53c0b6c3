package srro.patch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>Files are handed to the threads {@link #BATCH} at a time, each batch fsynced in order by one thread: a
 * handoff per file cost more than the fsync of a small file where the disk is fast (tmpfs, a quiet SSD), and
 * {@link #THREADS} batches in flight keep as many fsyncs waiting on a slow disk as one file per task did.
 */
final class Syncs implements AutoCloseable {
  /** Batches fsynced at once; each file of a batch is held open until it is done. */
  static final int THREADS = 8;

  /** Files per batch. */
  static final int BATCH = 4;

  /** Files written and not yet synced, at most: {@link #add} waits beyond it, so open descriptors stay bounded. */
  private static final int IN_FLIGHT = THREADS * BATCH;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, srro.Threads.daemons("srro-fsync"));
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  /** Each batch's first failure, or null; in the order the batches were handed over. */
  private final List<Future<IOException>> pending = new ArrayList<>();
  private final List<String> firstLabels = new ArrayList<>();
  private List<FileChannel> batch = new ArrayList<>(BATCH);
  private List<String> labels = new ArrayList<>(BATCH);

  /**
   * Fsyncs and closes {@code ch} (the file {@code label}) soon; it is this object's to close from now on. Safe
   * to call from several threads.
   */
  void add(FileChannel ch, String label) throws IOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      ch.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(label + ": interrupted before it was synced");
    }
    synchronized (this) {
      batch.add(ch);
      labels.add(label);
      if (batch.size() == BATCH) {
        handOver();
      }
    }
  }

  /** Hands the files added since the last batch to the threads. */
  private void handOver() {
    List<FileChannel> chs = batch;
    List<String> ls = labels;
    batch = new ArrayList<>(BATCH);
    labels = new ArrayList<>(BATCH);
    Future<IOException> f;
    try {
      f = pool.submit(() -> syncAll(chs, ls));
    } catch (OutOfMemoryError noThread) { // no thread could be started for it: synced here, now
      f = CompletableFuture.completedFuture(syncAll(chs, ls));
    } catch (RuntimeException e) {
      syncAll(chs, ls); // not handed over: synced and closed here, and the failure is this one
      throw e;
    }
    pending.add(f);
    firstLabels.add(ls.get(0));
  }

  /**
   * Fsyncs and closes each of {@code chs} in order, giving back its slot; returns the first failure (the files
   * after it are closed, not synced: the phase has failed).
   */
  private IOException syncAll(List<FileChannel> chs, List<String> ls) {
    IOException first = null;
    for (int i = 0; i < chs.size(); i++) {
      try (FileChannel ch = chs.get(i)) {
        if (first == null) {
          ch.force(true);
        }
      } catch (IOException e) {
        first = first != null ? first : e;
      } catch (RuntimeException | Error e) {
        first = first != null ? first : new IOException(ls.get(i) + ": cannot be synced", e);
      } finally {
        slots.release();
      }
    }
    return first;
  }

  /** Waits until every file added so far is durable; throws the first failure. */
  synchronized void await() throws IOException {
    if (!batch.isEmpty()) {
      handOver();
    }
    IOException first = null;
    for (int i = 0; i < pending.size(); i++) {
      try {
        IOException failed = pending.get(i).get();
        first = first != null ? first : failed;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        first = first != null ? first
            : new InterruptedIOException(firstLabels.get(i) + ": interrupted while synced");
      } catch (ExecutionException e) {
        first = first != null ? first : new IOException(firstLabels.get(i) + ": cannot be synced", e.getCause());
      }
    }
    pending.clear();
    firstLabels.clear();
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
