package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import org.junit.jupiter.api.Test;

/** The checks Transaction makes before writing anything: writable, local, enough space. */
class PreflightTest {
  private static final Path ROOT = Path.of("/usr/src");

  /** A file store that says what the test needs. */
  private static FileStore store(boolean readOnly, String type, long usable) {
    return new FileStore() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public String type() {
        return type;
      }

      @Override
      public boolean isReadOnly() {
        return readOnly;
      }

      @Override
      public long getTotalSpace() {
        return usable;
      }

      @Override
      public long getUsableSpace() {
        return usable;
      }

      @Override
      public long getUnallocatedSpace() {
        return usable;
      }

      @Override
      public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return false;
      }

      @Override
      public boolean supportsFileAttributeView(String name) {
        return false;
      }

      @Override
      public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
      }

      @Override
      public Object getAttribute(String attribute) {
        return null;
      }
    };
  }

  @Test
  void refusesAReadOnlyFileSystem() {
    IOException e =
        assertThrows(IOException.class, () -> Transaction.preflight(ROOT, store(true, "ext4", 1L << 40), 10));
    assertEquals("/usr/src: read-only file system", e.getMessage());
  }

  @Test
  void refusesARemoteFileSystem() {
    IOException e =
        assertThrows(IOException.class, () -> Transaction.preflight(ROOT, store(false, "nfs", 1L << 40), 10));
    assertEquals("/usr/src: remote file system (nfs) refused", e.getMessage());
  }

  @Test
  void refusesTooLittleFreeSpace() throws IOException {
    IOException e =
        assertThrows(IOException.class, () -> Transaction.preflight(ROOT, store(false, "ffs", 100), 101));
    assertEquals("/usr/src: 100 bytes free, 101 needed", e.getMessage());
    Transaction.preflight(ROOT, store(false, "ffs", 101), 101);
  }
}
