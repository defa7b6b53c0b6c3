package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncsTest {
  @TempDir Path tmp;

  private List<FileChannel> written(int n) throws IOException {
    List<FileChannel> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FileChannel ch = FileChannel.open(tmp.resolve("f" + i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      ch.write(java.nio.ByteBuffer.wrap(("file " + i + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      out.add(ch);
    }
    return out;
  }

  /** More files than the descriptors it may hold, not a whole number of batches: each one synced and closed. */
  @Test
  void everyFileIsClosedWhenAwaitReturns() throws Exception {
    int n = 3 * Syncs.THREADS * Syncs.BATCH + 3;
    List<FileChannel> chs = written(n);
    try (Syncs s = new Syncs()) {
      for (int i = 0; i < n; i++) {
        s.add(chs.get(i), "f" + i);
      }
      s.await();
    }
    for (int i = 0; i < n; i++) {
      assertFalse(chs.get(i).isOpen(), "f" + i);
      assertEquals("file " + i + "\n", Files.readString(tmp.resolve("f" + i)));
    }
  }

  /** Two threads adding at once (a transaction writes its temporaries on two): every file synced and closed. */
  @Test
  void filesAddedFromTwoThreadsAreEachSyncedOnce() throws Exception {
    int n = 2 * Syncs.THREADS * Syncs.BATCH + 5;
    List<FileChannel> chs = written(2 * n);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(2);
    try (Syncs s = new Syncs()) {
      Thread other = new Thread(() -> {
        try {
          go.countDown();
          go.await();
          for (int i = n; i < 2 * n; i++) {
            s.add(chs.get(i), "f" + i);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      other.start();
      go.countDown();
      go.await();
      for (int i = 0; i < n; i++) {
        s.add(chs.get(i), "f" + i);
      }
      other.join();
      s.await();
    }
    for (int i = 0; i < 2 * n; i++) {
      assertFalse(chs.get(i).isOpen(), "f" + i);
    }
  }

  /** A file that cannot be synced fails the phase; the files after it, in its batch or later, are closed too. */
  @Test
  void aFailureIsReportedAndEveryFileStillClosed() throws Exception {
    List<FileChannel> chs = written(2 * Syncs.BATCH + 1);
    chs.get(1).close(); // its fsync fails
    Syncs s = new Syncs();
    for (int i = 0; i < chs.size(); i++) {
      s.add(chs.get(i), "f" + i);
    }
    assertThrows(ClosedChannelException.class, s::await);
    s.close();
    chs.forEach(ch -> assertFalse(ch.isOpen()));
  }

  /** A phase that stops early closes what it added: close() waits for them without throwing. */
  @Test
  void closeWithoutAwaitClosesEveryFile() throws Exception {
    List<FileChannel> chs = written(Syncs.BATCH - 1);
    try (Syncs s = new Syncs()) {
      for (FileChannel ch : chs) {
        s.add(ch, "f");
      }
    }
    chs.forEach(ch -> assertFalse(ch.isOpen()));
  }
}
