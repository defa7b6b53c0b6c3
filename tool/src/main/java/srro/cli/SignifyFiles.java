package srro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import srro.patch.DurableFiles;
import srro.signify.Limits;
import srro.signify.MessageChangedException;
import srro.signify.SignifyFormatException;

/**
 * File access for {@code srro signify}, with signify's rules: "-" is standard input or output, files are
 * opened without following symbolic links (O_NOFOLLOW), directories are "not a valid file", key and
 * signature files are read up to 2047 bytes, messages up to 1 GiB ({@link Limits}). Outputs are written by {@link
 * DurableFiles}: an output that is a symbolic link or not a regular file is refused (signify's O_NOFOLLOW),
 * never followed or replaced; new content goes to a temporary beside it, renamed into place, so a failure
 * never leaves a partial file.
 */
public final class SignifyFiles {
  /** signify's readmsg limit. */
  public static final long MAX_MESSAGE_BYTES = Limits.MESSAGE_MAX_BYTES;
  /** signify's readb64file reads one 2048-byte buffer, NUL included. */
  static final int MAX_KEY_FILE_BYTES = Limits.KEY_FILE_MAX_BYTES;

  private final Io io;

  public SignifyFiles(Io io) {
    this.io = io;
  }

  /** Opens an input; "-" is standard input. */
  public InputStream open(String name) throws IOException {
    if (name.equals("-")) {
      return io.in();
    }
    Path p = Path.of(name);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (FileSystemException e) {
      throw new CannotOpenException("can't open " + name + " for reading: " + reason(e), e);
    }
    if (a.isDirectory()) {
      throw new CannotOpenException("not a valid file: " + name);
    }
    if (a.isSymbolicLink()) {
      throw new CannotOpenException("can't open " + name + " for reading: is a symbolic link");
    }
    return Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
  }

  /** The size of a regular file, or -1 for "-" and other kinds of files. */
  public long regularSize(String name) throws IOException {
    if (name.equals("-")) {
      return -1;
    }
    BasicFileAttributes a = Files.readAttributes(Path.of(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return a.isRegularFile() ? a.size() : -1;
  }

  /** The first 2047 bytes of a key or signature file, as signify's readb64file reads them. */
  public byte[] readKeyFile(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.readNBytes(MAX_KEY_FILE_BYTES);
    }
  }

  /** A whole message of at most 1 GiB; the size of a regular file is checked before reading a byte. */
  public byte[] readMessage(String name) throws IOException, SignifyFormatException {
    checkMessageSize(name);
    try (InputStream in = open(name)) {
      return BoundedInput.read(name, in, MAX_MESSAGE_BYTES, "a message");
    } catch (InputTooLargeException e) {
      throw SignifyFormatException.inSignifyWords(name, -1, "msg too large in " + name);
    }
  }

  public void checkMessageSize(String name) throws IOException, SignifyFormatException {
    try (InputStream ignored = name.equals("-") ? null : open(name)) {
      if (regularSize(name) > MAX_MESSAGE_BYTES) {
        throw SignifyFormatException.inSignifyWords(name, -1, "msg too large in " + name);
      }
    }
  }

  /**
   * Opens a regular file to be read twice for {@code signify -S} through one descriptor, each pass from its
   * first byte, never more than the size it had when opened. Size, modification time and file identity are
   * checked before the second pass and again by {@link HeldFile#checkUnchanged()}; the signer compares the
   * bytes of the two passes besides.
   *
   * @return empty when {@code name} is "-" or not a regular file (those are read into memory instead)
   */
  public Optional<HeldFile> hold(String name) throws IOException, SignifyFormatException {
    checkMessageSize(name); // signify's messages for missing, unreadable and oversized files first
    if (regularSize(name) < 0) {
      return Optional.empty();
    }
    Path p = Path.of(name);
    // Bounded like every other open of an input: a FIFO swapped in after the type check would block open(2).
    FileChannel ch = srro.TimedOpen.within(BoundedInput.OPEN_WAIT, name,
            () -> FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))
        .orElseThrow(() -> new CannotOpenException(name + ": did not open within "
            + srro.TimedOpen.seconds(BoundedInput.OPEN_WAIT) + " s (a named pipe swapped in for the file);"
            + " nothing signed"));
    try {
      return Optional.of(new HeldFile(name, p, ch));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** A regular file held open while it is signed in two passes. */
  public static final class HeldFile implements AutoCloseable, srro.signify.SigningKey.Rereadable {
    private final String name;
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final java.nio.file.attribute.FileTime modified;
    private final Object fileKey;

    private HeldFile(String name, Path path, FileChannel channel) throws IOException {
      this.name = name;
      this.path = path;
      this.channel = channel;
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      this.size = channel.size();
      this.modified = a.lastModifiedTime();
      this.fileKey = a.fileKey();
      if (a.size() != size) {
        throw changed();
      }
    }

    public String name() {
      return name;
    }

    /** The file from its first byte, through the held descriptor; closing the stream leaves it open. */
    @Override
    public InputStream open() throws IOException {
      checkUnchanged();
      return new InputStream() {
        private long position;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (position >= size) {
            return -1;
          }
          java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, size - position));
          int n = channel.read(buf, position);
          if (n < 0) {
            throw changed(); // shorter than when it was opened
          }
          position += n;
          return n;
        }
      };
    }

    /** Throws {@link MessageChangedException} when the size, time or identity differ from those at open. */
    public void checkUnchanged() throws IOException {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (channel.size() != size
          || a.size() != size
          || !a.lastModifiedTime().equals(modified)
          || !java.util.Objects.equals(a.fileKey(), fileKey)) {
        throw changed();
      }
    }

    private MessageChangedException changed() {
      return new MessageChangedException(name);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A sink for one output: written in full by {@link Output#commit()}, or not at all. */
  public interface Output extends AutoCloseable {
    OutputStream stream();

    void commit() throws IOException;

    @Override
    void close() throws IOException;
  }

  /**
   * Starts an output; "-" is standard output (written through, flushed at commit).
   *
   * @param exclusive fail if the file exists (key generation, O_EXCL)
   * @param ownerOnly create it readable by its owner only (secret keys, mode 0600)
   */
  public Output create(String name, boolean exclusive, boolean ownerOnly) throws IOException {
    if (name.equals("-")) {
      PrintStream out = io.out();
      return new Output() {
        @Override
        public OutputStream stream() {
          return out;
        }

        @Override
        public void commit() {
          out.flush();
        }

        @Override
        public void close() {}
      };
    }
    Path target = Path.of(name);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new CannotOpenException("not a valid file: " + name);
    }
    DurableFiles.Output out =
        DurableFiles.create(target, exclusive, ownerOnly ? PosixFilePermissions.fromString("rw-------") : null);
    return new Output() {
      @Override
      public OutputStream stream() {
        return out.stream();
      }

      @Override
      public void commit() throws IOException {
        out.commit();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  private static String reason(FileSystemException e) {
    String r = e.getReason();
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return r == null ? e.getClass().getSimpleName() : r.toLowerCase(java.util.Locale.ROOT);
  }

  /** A file's digest for -C, or empty when it cannot be read (signify's SHA256File returns NULL). */
  public Optional<byte[]> digest(String algorithm, String file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return Optional.of(md.digest());
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty(); // signify's SHA256File returns NULL: the file FAILs
    }
  }
}
