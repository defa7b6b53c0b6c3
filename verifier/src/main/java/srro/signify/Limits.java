package srro.signify;

/**
 * Every size limit of signify (OpenBSD usr.bin/signify/signify.c, 7.7) and of srro's signify, in one place:
 * the verifier's parsers and the tool's file access all refer to these, so the numbers cannot drift apart.
 */
public final class Limits {
  /** signify's COMMENTMAXLEN is 1024 with the NUL: a comment holds at most 1023 bytes ("comment too long"). */
  public static final int COMMENT_MAX_BYTES = 1023;

  /**
   * signify's {@code readb64file} reads one 2048-byte buffer and keeps a NUL: only the first 2047 bytes of a key
   * or detached signature file count.
   */
  public static final int KEY_FILE_MAX_BYTES = 2047;

  /**
   * signify's {@code readmsg} refuses a message over 1 GiB ("msg too large in FILE"). srro applies it to every
   * message and to files that embed one ({@code -e}, {@code -C}), which are held in memory whole.
   */
  public static final long MESSAGE_MAX_BYTES = 1L << 30;

  /** signify reads a passphrase into a 1024-byte buffer with readpassphrase(3): at most 1023 bytes count. */
  public static final int PASSPHRASE_MAX_BYTES = 1023;

  /** The {@code %31s} of signify's checksum-line sscanf: the algorithm name. */
  public static final int CHECKSUM_ALGORITHM_MAX_CHARS = 31;

  /** The {@code %1023[^)]} of signify's checksum-line sscanf: the file name. */
  public static final int CHECKSUM_FILE_MAX_CHARS = 1023;

  /** The {@code %223s} of signify's checksum-line sscanf: the hash, hex or base64. */
  public static final int CHECKSUM_HASH_MAX_CHARS = 223;

  private Limits() {}
}
