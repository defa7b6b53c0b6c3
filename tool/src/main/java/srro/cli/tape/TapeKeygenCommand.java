package srro.cli.tape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.MalformedInputException;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.UsageException;
import srro.patch.CannotWriteException;
import srro.tape.TapeKey;

/**
 * {@code srro tape keygen FILE}: a new 256-bit key in the stenc key file format {@code srro tape set --key}
 * reads (stenc 1.x's {@code -g 256 -k FILE -kd TEXT}), created owner-only and never printed.
 *
 * <p>The key comes from {@link SecureRandom#getInstanceStrong()}: the JDK's {@code securerandom.strongAlgorithms}
 * source, NativePRNGBlocking on Linux and OpenBSD, which reads the kernel's /dev/random. That is the OS's
 * secure source without srro reading a device node itself (no short reads, no /dev/urandom replaced by a
 * symlink or a file to get wrong), and the JDK requires every platform to have one. On Linux 5.6 and later and
 * on OpenBSD /dev/random only blocks until the kernel's generator is seeded, which is wanted: no key is better
 * than a guessable one. (stenc 1.x read /dev/random byte by byte and fell back to {@code rand()}.)
 *
 * <p>The file is opened with CREATE_NEW, WRITE and NOFOLLOW_LINKS (O_CREAT|O_EXCL|O_NOFOLLOW) and mode 0600
 * given at creation, so an existing file or a symbolic link at the path, dangling or not, is refused before a
 * key exists; the key is generated only into the descriptor srro created, forced to disk, read back, parsed
 * as {@code tape set} parses it and compared. A failure after creating removes the file srro created.
 */
@Command(
    name = "keygen",
    description = "Write a new 256-bit key from the OS's secure random source to FILE, mode 0600, in the key"
        + " file format 'srro tape set --key' reads; refuses an existing FILE or a symbolic link, and never"
        + " prints the key.")
final class TapeKeygenCommand implements Callable<Integer> {
  /** AES-256, the only key length LTO drives take (stenc's example and its 256-bit default). */
  static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  @Parameters(paramLabel = "FILE", description = "The key file to create; it must not exist.")
  String file;

  @Option(names = "--kad", paramLabel = "TEXT",
      description = "Key description for line 2 of the file (printable ascii), which 'tape set' sends as the"
          + " U-KAD the drive writes beside every block; never put any part of the key in it.")
  String kad;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-keygen/1).")
  boolean json;

  private final Io io;

  TapeKeygenCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws UsageException, IOException {
    if (file.equals("-")) {
      throw new UsageException("tape keygen writes the key to a file, never to standard output");
    }
    String description = kad == null ? "" : kad;
    if (!description.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new UsageException("--kad must be printable ascii");
    }
    if (description.length() > TapeKey.MAX_DESCRIPTION_BYTES) {
      throw new UsageException("--kad is " + description.length() + " characters, at most "
          + TapeKey.MAX_DESCRIPTION_BYTES + " allowed");
    }
    SecureRandom random = strongRandom();
    Path target = Path.of(file);
    Written written = write(target, random, description);
    if (json) {
      io.out().println(Json.document("srro-tape-keygen/1").put("file", file).put("ok", true).put("mode", "0600")
          .put("bytes", written.bytes()).put("key_bits", KEY_BYTES * 8)
          .put("random_source", random.getAlgorithm()).put("kad", kad).put("read_back", true));
      return ExitCode.OK.status();
    }
    TapeText.row(io.out(), "key file", file + " (mode 0600, " + written.bytes() + " bytes, created new)");
    TapeText.row(io.out(), "key", (KEY_BYTES * 8) + " bits from " + random.getAlgorithm()
        + " (SecureRandom.getInstanceStrong), never printed");
    TapeText.row(io.out(), "read back", "parses as 'srro tape set --key' reads it: same key, same"
        + " description");
    if (!description.isEmpty()) {
      TapeText.row(io.out(), "u-kad", description);
    }
    return ExitCode.OK.status();
  }

  private static SecureRandom strongRandom() {
    try {
      return SecureRandom.getInstanceStrong();
    } catch (NoSuchAlgorithmException e) {
      // The JDK promises one strong source on every platform; without it this JVM is broken.
      throw new IllegalStateException("no strong SecureRandom in this JVM", e);
    }
  }

  record Written(int bytes) {}

  /** Creates {@code target}, writes a fresh key and {@code description} into it, proves it and wipes both. */
  static Written write(Path target, SecureRandom random, String description) throws IOException {
    SeekableByteChannel channel = create(target);
    Object fileKey = null;
    byte[] key = new byte[KEY_BYTES];
    byte[] content = null;
    boolean done = false;
    try {
      fileKey = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      random.nextBytes(key);
      content = TapeKey.encodeFile(key, description);
      try (SeekableByteChannel ch = channel) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ((FileChannel) ch).force(true);
      }
      // The mode given at creation passes through the umask; make it exactly 0600, on the file itself.
      Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(OWNER_ONLY);
      fsyncDirectory(target.toAbsolutePath().getParent());
      Optional<String> wrong = readBack(target, fileKey, key, description);
      if (wrong.isPresent()) {
        throw new IOException(target + ": the key file read back is not what was written: " + wrong.get());
      }
      done = true;
      return new Written(content.length);
    } finally {
      Arrays.fill(key, (byte) 0);
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
      channel.close();
      if (!done) {
        removeIfOurs(target, fileKey);
      }
    }
  }

  /**
   * O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600: an existing path, a symbolic link above all, is refused. The key file is
   * an output: whatever keeps srro from creating it is exit 74, never "cannot open input" (issue #11).
   */
  private static SeekableByteChannel create(Path target) throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      return Files.newByteChannel(target, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      if (Files.isSymbolicLink(target)) {
        throw new CannotWriteException(target.toString(), "is a symbolic link; tape keygen never follows one", e);
      }
      throw new CannotWriteException(target.toString(), "already exists; tape keygen never overwrites a file", e);
    } catch (NoSuchFileException e) {
      throw new CannotWriteException(target.toString(), "no such directory", e);
    } catch (AccessDeniedException e) {
      throw new CannotWriteException(target.toString(), "permission denied", e);
    }
  }

  /**
   * Why the file at {@code target} is not the one srro just wrote, or empty when it is: the same file (not
   * replaced), mode 0600, a regular file whose key and description parse back equal to what was written.
   */
  static Optional<String> readBack(Path target, Object fileKey, byte[] key, String description)
      throws IOException {
    BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile() || !Objects.equals(a.fileKey(), fileKey)) {
      return Optional.of("it was replaced by another file");
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
    if (!mode.equals(OWNER_ONLY)) {
      return Optional.of("its mode is " + PosixFilePermissions.toString(mode) + ", not rw-------");
    }
    byte[] bytes = null;
    try (InputStream in = Files.newInputStream(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(TapeKey.MAX_FILE_BYTES + 1);
      try (TapeKey k = TapeKey.parse(target.toString(), bytes)) {
        if (!k.sameKey(key)) {
          return Optional.of("its key differs");
        }
        if (!k.description().equals(description)) {
          return Optional.of("its description differs");
        }
        return Optional.empty();
      }
    } catch (MalformedInputException e) {
      return Optional.of("it does not parse: " + e.getMessage());
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  /** Removes {@code target} only if it still is the file srro created ({@code fileKey}: device and inode). */
  private static void removeIfOurs(Path target, Object fileKey) {
    try {
      BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (fileKey != null && fileKey.equals(a.fileKey())) {
        Files.delete(target);
      }
    } catch (IOException ignored) {
      // Nothing of ours to remove, or it cannot be removed; the first failure is what gets reported.
    }
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
