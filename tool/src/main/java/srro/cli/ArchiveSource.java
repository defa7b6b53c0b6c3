package srro.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import srro.patch.Plan;
import srro.patch.Source;
import srro.patch.Tree;

/**
 * The files of a {@code .tar.gz} (OpenBSD's src.tar.gz, sys.tar.gz) as a patch {@link Source}, read in one
 * streaming pass without extracting anything: only the entries a patchset names are kept in memory. Entry
 * names lose a leading "./" or "/".
 */
public final class ArchiveSource implements Source {
  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, String> refused = new HashMap<>();

  private ArchiveSource() {}

  /** Reads {@code archive}, keeping the entries in {@code wanted}; {@code progress} may be null. */
  public static ArchiveSource read(Path archive, Set<String> wanted, PrintStream progress) throws IOException {
    ArchiveSource s = new ArchiveSource();
    long size = Files.size(archive);
    try (InputStream raw = Files.newInputStream(archive);
        Counting counting = new Counting(new BufferedInputStream(raw, 1 << 16));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(counting, true), 1 << 16)) {
      int shown = -1;
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName();
        while (name.startsWith("./") || name.startsWith("/")) {
          name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        if (wanted.contains(name)) {
          if (e.isSymbolicLink() || e.isLink()) {
            s.refused.put(name, "'" + name + "' is a link in " + archive);
          } else if (e.isFile()) {
            if (e.getSize() > Tree.MAX_FILE_BYTES) {
              throw new IOException(archive + ": " + name + " is larger than " + Tree.MAX_FILE_BYTES + " bytes");
            }
            s.files.put(name, tar.readAllBytes());
          } else {
            s.refused.put(name, "'" + name + "' is not a regular file in " + archive);
          }
        }
        if (progress != null && size > 0) {
          int pct = (int) (100 * counting.count / size);
          if (pct != shown) {
            shown = pct;
            progress.print("\rsrro: reading " + archive.getFileName() + ": " + pct + "%");
            progress.flush();
          }
        }
      }
      if (progress != null) {
        progress.print("\r\033[K");
        progress.flush();
      }
    }
    return s;
  }

  @Override
  public Optional<String> refusal(String path) {
    Optional<String> r = Plan.unsafe(path);
    return r.isPresent() ? r : Optional.ofNullable(refused.get(path));
  }

  @Override
  public Optional<byte[]> read(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Counts compressed bytes read, for the progress line. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
