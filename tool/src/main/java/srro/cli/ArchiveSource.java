package srro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import srro.patch.Source;
import srro.patch.TargetRefusedException;
import srro.patch.Tree;

/**
 * The files of a {@code .tar.gz} (OpenBSD's src.tar.gz, sys.tar.gz) as a patch {@link Source}, read in one
 * streaming pass without extracting anything: only the entries a patchset names are kept in memory. Entry
 * names lose a leading "./"; an absolute or ".." name, a header with a wrong checksum, damaged gzip data and an
 * archive cut short are malformed (exit 65), as GNU tar would complain, not silently mended.
 *
 * <p>The pass runs on a thread of its own ({@link #start}), so the archive is decompressed on one core while
 * the caller parses the diff on the other; the caller gets the source from {@link Reading#await} once the whole
 * archive has been read and checked, so what it answers and every error are those of a pass made first.
 */
public final class ArchiveSource implements Source {
  // Concurrent: the pass fills them on its thread while a speculative plan (Reading#plan) reads them.
  private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> refused = new java.util.concurrent.ConcurrentHashMap<>();

  private ArchiveSource() {}

  /**
   * Starts reading {@code archive} on a daemon thread, keeping the entries in {@code kept}, which may name more
   * than the patchset will ask for (a superset from the diff's header lines, {@link
   * srro.patch.Plan#candidates(byte[], int)}; computed on that thread too); {@link Reading#await} narrows it to
   * what is needed.
   */
  public static Reading start(Path archive, java.util.function.Supplier<Set<String>> kept, PrintStream progress) {
    Reading r = new Reading(archive, kept, progress);
    if (srro.Threads.start("srro-archive", r::run).isEmpty()) {
      // The pass waits for the plan to say what it needs, so it cannot run on the caller before it: no thread
      // to spare (a thread limit) is this run's I/O failure, said when the entries are asked for.
      r.kept.complete(Set.of());
      r.done.completeExceptionally(new IOException(archive + ": not read: no thread could be started for the"
          + " pass over it (this process is at its thread or process limit)"));
    }
    return r;
  }

  /** A pass over an archive under way on its own thread. */
  public static final class Reading {
    private final Path archive;
    private final java.util.function.Supplier<Set<String>> keptSupplier;
    private final CompletableFuture<Set<String>> kept = new CompletableFuture<>();
    private final PrintStream progress;
    private final CompletableFuture<Set<String>> needed = new CompletableFuture<>();
    private final CompletableFuture<ArchiveSource> done = new CompletableFuture<>();
    /** The entries read so far; the pass notifies on it after each kept entry and at its end. */
    private final ArchiveSource filling = new ArchiveSource();
    private volatile boolean cancelled;

    private Reading(Path archive, java.util.function.Supplier<Set<String>> kept, PrintStream progress) {
      this.archive = archive;
      this.keptSupplier = kept;
      this.progress = progress;
    }

    /**
     * Waits for the end of the archive and returns its entries among {@code wanted} (a subset of what the pass
     * keeps); the pass's failure, if any, is thrown as it was.
     */
    public ArchiveSource await(Set<String> wanted) throws IOException, ArchiveFormatException {
      needed.complete(Set.copyOf(wanted));
      ArchiveSource s;
      try {
        done.join();
        if (!kept.join().containsAll(wanted)) {
          throw new IllegalArgumentException("asked for entries the pass did not keep");
        }
      } catch (java.util.concurrent.CompletionException e) {
        Throwable c = e.getCause();
        if (c instanceof ArchiveFormatException a) {
          throw a;
        }
        if (c instanceof IOException io) {
          throw io;
        }
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
      s = new ArchiveSource();
      for (String w : wanted) {
        byte[] f = filling.files.get(w);
        if (f != null) {
          s.files.put(w, f);
        }
        String r = filling.refused.get(w);
        if (r != null) {
          s.refused.put(w, r);
        }
      }
      return s;
    }

    /** What a plan does with a source. */
    public interface Planner<T> {
      T plan(Source source) throws IOException, TargetRefusedException;
    }

    /**
     * {@code planner}'s result on the archive's entries among {@code wanted}, exactly as on {@link
     * #await}'s source, but made while the rest of the archive is still being read when it can be: as soon as
     * each of {@code groups} (a file patch's possible names) has an entry, the planner runs on the entries read
     * so far, and every answer it got is remembered. At the end of the archive the result is kept if each of
     * those answers is the final one (the same bytes, the same refusal, still absent), else the planner runs
     * again on the final source. The archive's failure is thrown first, whatever the planner did.
     */
    public <T> T plan(Set<String> wanted, List<Set<String>> groups, Planner<T> planner)
        throws IOException, ArchiveFormatException, TargetRefusedException {
      needed.complete(Set.copyOf(wanted));
      synchronized (filling) {
        while (!done.isDone() && !groups.stream().allMatch(this::arrived)) {
          try {
            filling.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      Recording early = null;
      T result = null;
      if (!done.isDone()) {
        early = new Recording(filling, wanted);
        try {
          result = planner.plan(early);
        } catch (IOException | TargetRefusedException e) {
          early = null; // decided on the final source below, which gives the answer to report
        }
      }
      ArchiveSource last = await(wanted);
      if (early != null && early.stillTrue(last)) {
        return result;
      }
      return planner.plan(last);
    }

    private boolean arrived(Set<String> names) {
      for (String n : names) {
        if (filling.files.containsKey(n) || filling.refused.containsKey(n)) {
          return true;
        }
      }
      return false;
    }

    /** Stops the pass (its result is not wanted: the diff did not parse); it ends at its next read. */
    public void cancel() {
      cancelled = true;
      needed.complete(Set.of());
    }

    private void run() {
      try {
        kept.complete(Set.copyOf(keptSupplier.get()));
        pass();
        done.complete(filling);
      } catch (Throwable t) { // handed to await, which rethrows it on the caller's thread
        kept.complete(Set.of());
        done.completeExceptionally(t);
      }
      synchronized (filling) {
        filling.notifyAll();
      }
    }

    private void pass() throws IOException, ArchiveFormatException {
      InputStream raw = BoundedInput.open(archive);
      GzipMembers gz = new GzipMembers(raw);
      try {
        entries(gz);
      } catch (GzipMembers.Malformed e) {
        throw new ArchiveFormatException(archive.toString(), gz.offset(),
            "not a well-formed .tar.gz: " + e.getMessage().toLowerCase(java.util.Locale.ROOT), e);
      } catch (java.io.EOFException e) {
        throw new ArchiveFormatException(archive.toString(), gz.offset(),
            "truncated: the archive ends in the middle of an entry or of its compressed data", e);
      } catch (ArchiveFormatException | Cancelled e) {
        throw e;
      } catch (IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Truncated") || m.contains("truncated") || m.contains("Unexpected end")) {
          throw new ArchiveFormatException(archive.toString(), gz.offset(),
              "truncated: the archive ends in the middle of an entry or of its compressed data", e);
        }
        // Commons Compress's tar reader's words; GzipMembers's own errors are a Malformed, above.
        if (m.contains("Corrupted") || m.contains("Error detected parsing") || m.contains("Invalid")
            || m.contains("invalid")) {
          throw new ArchiveFormatException(archive.toString(), gz.offset(),
              "not a well-formed .tar.gz: " + m.toLowerCase(java.util.Locale.ROOT), e);
        }
        throw e;
      } finally {
        gz.close();
      }
    }

    private void entries(GzipMembers gz) throws IOException, ArchiveFormatException {
      ArchiveSource s = filling;
      Set<String> keep = kept.join();
      long size = Files.isRegularFile(archive) ? Files.size(archive) : 0;
      try (TarArchiveInputStream tar = new TarArchiveInputStream(gz, 1 << 16)) {
        int shown = -1;
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          if (cancelled) {
            throw new Cancelled();
          }
          if (!e.isCheckSumOK()) {
            throw new ArchiveFormatException(archive.toString(), gz.offset(),
                "tar header of " + shown(e.getName()) + " has a wrong checksum", null);
          }
          String name = e.getName();
          while (name.startsWith("./")) {
            name = name.substring(2);
          }
          if (name.startsWith("/")) {
            throw new ArchiveFormatException(archive.toString(), gz.offset(),
                "entry " + shown(e.getName()) + " has an absolute name; a source tarball has relative ones", null);
          }
          if (("/" + name + "/").contains("/../")) {
            throw new ArchiveFormatException(archive.toString(), gz.offset(),
                "entry " + shown(e.getName()) + " has a '..' component; it would leave the tree", null);
          }
          if (keep.contains(name)) {
            if (e.isSymbolicLink() || e.isLink()) {
              s.refused.put(name, "'" + name + "' is a link in " + archive);
            } else if (e.isFile()) {
              if (e.getSize() > Tree.MAX_FILE_BYTES) {
                // Only an entry the patchset does name stops the pass, as when the exact names were known.
                if (needed.join().contains(name)) {
                  throw new IOException(archive + ": " + name + " is larger than " + Tree.MAX_FILE_BYTES + " bytes");
                }
              } else {
                s.files.put(name, e.isSparse() ? tar.readAllBytes() : exactly(tar, (int) e.getSize()));
              }
            } else {
              s.refused.put(name, "'" + name + "' is not a regular file in " + archive);
            }
            synchronized (filling) {
              filling.notifyAll();
            }
          }
          if (progress != null && size > 0) {
            int pct = (int) (100 * gz.offset() / size);
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
    }
  }

  /**
   * The entries read so far, among those wanted, as a source that remembers every answer it gave (each path's
   * bytes, by identity, and refusal), to be checked against the final ones.
   */
  private static final class Recording implements Source {
    private final ArchiveSource now;
    private final Set<String> wanted;
    private final Map<String, Optional<byte[]>> reads = new HashMap<>();
    private final Map<String, Optional<String>> refusals = new HashMap<>();

    Recording(ArchiveSource now, Set<String> wanted) {
      this.now = now;
      this.wanted = wanted;
    }

    @Override
    public Optional<String> refusal(String path) {
      Optional<String> r = refusals.get(path);
      if (r == null) {
        r = wanted.contains(path) ? Optional.ofNullable(now.refused.get(path)) : Optional.empty();
        refusals.put(path, r);
      }
      return r;
    }

    @Override
    public Optional<byte[]> read(String path) {
      Optional<byte[]> r = reads.get(path);
      if (r == null) {
        r = wanted.contains(path) ? Optional.ofNullable(now.files.get(path)) : Optional.empty();
        reads.put(path, r);
      }
      return r;
    }

    /** Whether {@code last} gives every answer this source gave. */
    boolean stillTrue(ArchiveSource last) {
      for (Map.Entry<String, Optional<String>> e : refusals.entrySet()) {
        if (!e.getValue().equals(last.refusal(e.getKey()))) {
          return false;
        }
      }
      for (Map.Entry<String, Optional<byte[]>> e : reads.entrySet()) {
        if (e.getValue().orElse(null) != last.read(e.getKey()).orElse(null)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The {@code size} bytes of the entry {@code tar} is at, read into one array of that size. */
  private static byte[] exactly(InputStream tar, int size) throws IOException {
    byte[] b = new byte[size];
    if (tar.readNBytes(b, 0, size) != size) {
      throw new java.io.EOFException();
    }
    return b;
  }

  /** The pass was cancelled; nobody waits for its result. */
  private static final class Cancelled extends IOException {
    private static final long serialVersionUID = 1L;
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
}
