package srro.patch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The contents a transaction writes before its commit marker, loaded (read, patched again and hashed, unless
 * the file's {@link Stamp} shows it unwritten since the plan) on a thread of its own in the order the
 * transaction takes them, while the transaction writes the ones before. The loading thread only reads, through
 * a walk of the tree of its own ({@link Tree#sibling}); the transaction checks every content against the
 * journal's hashes as before. At most {@link #AHEAD} bytes of contents are held ahead of the transaction
 * (always at least the next change's), room for each kept before it is loaded (its size as planned), so memory
 * stays bounded by the budget and the largest file, not the patchset.
 */
final class Prefetch implements AutoCloseable {
  /** Bytes of contents (old and new) loaded and not yet taken, at most, unless one change alone is more. */
  static final long AHEAD = 1L << 20;

  /** A change's contents and their SHA-256 ({@code null}: absent). */
  record Loaded(Change.Content content, String before, String after) {}

  private final List<Change> changes;
  private final int[] order;
  private final Tree tree;
  /** Loaded, or what loading the next change threw, in {@link #order}. */
  private final ArrayDeque<Ready> ready = new ArrayDeque<>();
  /** The loading thread; empty when none could be started: then {@link #take} loads each change itself. */
  private final java.util.Optional<Thread> thread;
  private long held;
  private boolean closed;
  /** The next of {@link #order} that {@link #take} loads, without a loading thread. */
  private int taken;

  /** Starts loading {@code changes} of {@code tree} by index, in {@code order}. */
  Prefetch(Tree tree, List<Change> changes, int[] order) {
    this.tree = tree;
    this.changes = changes;
    this.order = order.clone();
    this.thread = srro.Threads.start("srro-load", this::run);
  }

  private void run() {
    Tree own = tree.sibling();
    try (Tree.Scope s = own.cachingDirectories()) {
      for (int i : order) {
        Change change = changes.get(i);
        if (!reserve(change.bytes())) {
          return;
        }
        Object r;
        try {
          r = load(change, own);
        } catch (Throwable t) {
          r = t;
        }
        if (!offer(r, change.bytes()) || !(r instanceof Loaded)) {
          return;
        }
      }
    } catch (IOException releasing) {
      // after the last content it hands over: the directories this thread kept were only read through
    } catch (InterruptedException e) {
      synchronized (this) {
        ready.add(new Ready(new InterruptedIOException("loading the changes was interrupted"), 0));
        notifyAll();
      }
    }
  }

  /**
   * {@code change}'s contents read from {@code tree}, and their hashes: a file not written since the plan read
   * it holds the bytes the plan hashed, and so does its patched copy (the patch is a function of them); any
   * other is hashed again.
   */
  private static Loaded load(Change change, Tree tree) throws IOException {
    Change.Content c = change.contents().load(tree);
    return change.seen() != null && change.seen().unchangedAt(c.stamp())
        ? new Loaded(c, change.before(), change.after())
        : new Loaded(c, DurableFiles.hash(c.before()), DurableFiles.hash(c.after()));
  }

  /**
   * Waits until the next change's {@code size} (its two contents' size as planned) fits the budget, or nothing is
   * held, and counts it as held: contents are loaded only into room kept for them. False once closed.
   */
  private synchronized boolean reserve(long size) throws InterruptedException {
    while (!closed && !ready.isEmpty() && held + size > AHEAD) {
      wait();
    }
    if (closed) {
      return false;
    }
    held += size;
    return true;
  }

  /** Hands {@code r} over, loaded into the room {@code reserved}; false when the transaction takes no more. */
  private synchronized boolean offer(Object r, long reserved) {
    if (closed) {
      return false;
    }
    ready.add(new Ready(r, reserved));
    notifyAll();
    return true;
  }

  /** A loaded change, or what loading it threw, and the room kept for it. */
  private record Ready(Object result, long reserved) {}

  /** The next change's contents and hashes, in the order given; throws what loading it threw. */
  synchronized Loaded take() throws IOException {
    if (thread.isEmpty()) {
      return load(changes.get(order[taken++]), tree);
    }
    while (ready.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the changes were loaded");
      }
    }
    Ready next = ready.remove();
    held -= next.reserved();
    notifyAll();
    Object r = next.result();
    if (r instanceof IOException e) {
      throw e;
    } else if (r instanceof RuntimeException e) {
      throw e;
    } else if (r instanceof Error e) {
      throw e;
    } else if (r instanceof Throwable t) {
      throw new IOException("loading the changes failed", t);
    }
    return (Loaded) r;
  }

  /** Stops loading and waits for the loading thread, which only reads, to end. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      ready.clear();
      notifyAll();
    }
    thread.ifPresent(Tree::awaitEnd);
  }
}
