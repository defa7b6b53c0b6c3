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
import srro.patch.Source;
import srro.patch.Tree;

/**
 * The files of a {@code .tar.gz} (OpenBSD's src.tar.gz, sys.tar.gz) as a patch {@link Source}, read in one
 * streaming pass without extracting anything: only the entries a patchset names are kept in memory. Entry
 * names lose a leading "./"; an absolute or ".." name, a header with a wrong checksum and an archive cut short
 * are malformed (exit 65), as GNU tar would complain, not silently mended.
 */
public final class ArchiveSource implements Source {
  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, String> refused = new HashMap<>();

  private ArchiveSource() {}

  /** Reads {@code archive}, keeping the entries in {@code wanted}; {@code progress} may be null. */
  public static ArchiveSource read(Path archive, Set<String> wanted, PrintStream progress)
      throws IOException, ArchiveFormatException {
    InputStream raw = BoundedInput.open(archive);
    Counting counting = new Counting(new BufferedInputStream(raw, 1 << 16));
    try {
      return read(archive, wanted, progress, counting);
    } catch (java.io.EOFException e) {
      throw new ArchiveFormatException(archive.toString(), counting.count,
          "truncated: the archive ends in the middle of an entry or of its compressed data", e);
    } catch (ArchiveFormatException e) {
      throw e;
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Truncated") || m.contains("truncated") || m.contains("Unexpected end")) {
        throw new ArchiveFormatException(archive.toString(), counting.count,
            "truncated: the archive ends in the middle of an entry or of its compressed data", e);
      }
      if (m.contains("not in the .gz format") || m.contains("Garbage after") || m.contains("Corrupted")
          || m.contains("Error detected parsing") || m.contains("Invalid") || m.contains("invalid")) {
        throw new ArchiveFormatException(archive.toString(), counting.count,
            "not a well-formed .tar.gz: " + m.toLowerCase(java.util.Locale.ROOT), e);
      }
      throw e;
    } finally {
      counting.close();
    }
  }

  private static ArchiveSource read(Path archive, Set<String> wanted, PrintStream progress, Counting counting)
      throws IOException, ArchiveFormatException {
    ArchiveSource s = new ArchiveSource();
    long size = Files.isRegularFile(archive) ? Files.size(archive) : 0;
    try (TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(counting, true), 1 << 16)) {
      int shown = -1;
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isCheckSumOK()) {
          throw new ArchiveFormatException(archive.toString(), counting.count,
              "tar header of " + shown(e.getName()) + " has a wrong checksum", null);
        }
        String name = e.getName();
        while (name.startsWith("./")) {
          name = name.substring(2);
        }
        if (name.startsWith("/")) {
          throw new ArchiveFormatException(archive.toString(), counting.count,
              "entry " + shown(e.getName()) + " has an absolute name; a source tarball has relative ones", null);
        }
        if (("/" + name + "/").contains("/../")) {
          throw new ArchiveFormatException(archive.toString(), counting.count,
              "entry " + shown(e.getName()) + " has a '..' component; it would leave the tree", null);
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

  /** An entry name as printed: quoted, control characters as '?', at most 100 characters. */
  private static String shown(String name) {
    String n = name.length() > 100 ? name.substring(0, 100) + "..." : name;
    StringBuilder sb = new StringBuilder("'");
    for (char c : n.toCharArray()) {
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append('\'').toString();
  }

  @Override
  public Optional<String> refusal(String path) {
    return Optional.ofNullable(refused.get(path));
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
