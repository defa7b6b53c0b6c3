package srro.signify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signify secret key file: {@code struct enckey} of signify.c, 104 bytes ("Ed", KDF "BK", 4-byte rounds,
 * 16-byte salt, 8-byte checksum, 8-byte key number, 64-byte Ed25519 secret key XORed with the
 * bcrypt_pbkdf(3) output of the passphrase). With 0 rounds ({@code -n}) the key is stored in the clear.
 * Holds secret bytes: {@link #destroy()} wipes them, {@link #toString()} never shows them.
 */
public final class SecretKey implements AutoCloseable {
  static final int LENGTH = 104;
  /** signify uses 42 rounds; a file asking for more than this is refused rather than run for hours. */
  public static final int MAX_KDF_ROUNDS = 1 << 12;
  private static final int SALT_BYTES = 16;
  private static final int CHECKSUM_BYTES = 8;

  private final String comment;
  private final String kdfAlgorithm;
  private final int kdfRounds;
  private final byte[] salt;
  private final byte[] checksum;
  private final long keynum;
  private final byte[] encryptedKey;

  private SecretKey(
      String comment, String kdfAlgorithm, int kdfRounds, byte[] salt, byte[] checksum, long keynum, byte[] enc) {
    this.comment = Objects.requireNonNull(comment, "comment");
    this.kdfAlgorithm = kdfAlgorithm;
    this.kdfRounds = kdfRounds;
    this.salt = salt;
    this.checksum = checksum;
    this.keynum = keynum;
    this.encryptedKey = enc;
  }

  /** Parses a secret key file; like signify only its first 2047 bytes count. The KDF is checked at unlock. */
  public static SecretKey parse(String source, byte[] bytes) throws SignifyFormatException {
    SignifyFile f = SignifyFile.parse(source, bytes, Math.min(bytes.length, Limits.KEY_FILE_MAX_BYTES), LENGTH, true);
    byte[] p = f.payload();
    ByteBuffer b = ByteBuffer.wrap(p);
    String kdf = new String(p, 2, 2, StandardCharsets.ISO_8859_1);
    int rounds = b.getInt(4);
    SecretKey k =
        new SecretKey(
            f.comment(),
            kdf,
            rounds,
            Arrays.copyOfRange(p, 8, 24),
            Arrays.copyOfRange(p, 24, 32),
            b.getLong(32),
            Arrays.copyOfRange(p, 40, 104));
    Arrays.fill(p, (byte) 0);
    return k;
  }

  /**
   * Encrypts {@code key} under {@code passphrase} with {@code rounds} rounds of bcrypt_pbkdf (0: no
   * passphrase, stored in the clear), as signify.c {@code generate} does. The passphrase is not wiped here.
   */
  public static SecretKey seal(SigningKey key, String comment, int rounds, byte[] passphrase, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] secret = key.secretKey();
    byte[] digest = Ed25519.sha512().digest(secret);
    byte[] checksum = Arrays.copyOf(digest, CHECKSUM_BYTES);
    Arrays.fill(digest, (byte) 0);
    byte[] xor = xorKey(salt, rounds, passphrase);
    for (int i = 0; i < secret.length; i++) {
      secret[i] ^= xor[i];
    }
    Arrays.fill(xor, (byte) 0);
    return new SecretKey(comment, "BK", rounds, salt, checksum, key.keynum(), secret);
  }

  private static byte[] xorKey(byte[] salt, int rounds, byte[] passphrase) {
    if (rounds == 0) {
      return new byte[SigningKey.SECRET_BYTES];
    }
    return BcryptPbkdf.derive(passphrase, salt, SigningKey.SECRET_BYTES, rounds);
  }

  /** The comment, e.g. "signify secret key". */
  public String comment() {
    return comment;
  }

  public long keynum() {
    return keynum;
  }

  /** Rounds of bcrypt_pbkdf; 0 means no passphrase. */
  public int kdfRounds() {
    return kdfRounds;
  }

  /** Whether unlocking needs a passphrase. */
  public boolean needsPassphrase() {
    return kdfRounds != 0;
  }

  /**
   * Decrypts the key as signify.c {@code createsig} does: "unsupported KDF" unless "BK", then the checksum
   * decides whether the passphrase was right.
   *
   * @param passphrase ignored when {@link #needsPassphrase()} is false; not wiped here
   */
  public SigningKey unlock(String source, byte[] passphrase) throws SignifyFormatException, IncorrectPassphraseException {
    if (!kdfAlgorithm.equals("BK")) {
      throw new SignifyFormatException(source, 2, "unsupported KDF");
    }
    if (Integer.compareUnsigned(kdfRounds, MAX_KDF_ROUNDS) > 0) {
      throw new SignifyFormatException(
          source, 4, "kdf rounds " + Integer.toUnsignedString(kdfRounds) + " above the limit of " + MAX_KDF_ROUNDS);
    }
    byte[] xor = xorKey(salt, kdfRounds, passphrase);
    byte[] secret = encryptedKey.clone();
    for (int i = 0; i < secret.length; i++) {
      secret[i] ^= xor[i];
    }
    Arrays.fill(xor, (byte) 0);
    byte[] digest = Ed25519.sha512().digest(secret);
    boolean ok = MessageDigest.isEqual(Arrays.copyOf(digest, CHECKSUM_BYTES), checksum);
    Arrays.fill(digest, (byte) 0);
    if (!ok) {
      Arrays.fill(secret, (byte) 0);
      throw new IncorrectPassphraseException();
    }
    SigningKey k = new SigningKey(keynum, secret);
    Arrays.fill(secret, (byte) 0);
    return k;
  }

  /** The 104-byte structure. */
  public byte[] payload() {
    return ByteBuffer.allocate(LENGTH)
        .put((byte) 'E')
        .put((byte) 'd')
        .put(kdfAlgorithm.getBytes(StandardCharsets.ISO_8859_1))
        .putInt(kdfRounds)
        .put(salt)
        .put(checksum)
        .putLong(keynum)
        .put(encryptedKey)
        .array();
  }

  /** The file as signify writes it. */
  public byte[] encode() {
    byte[] p = payload();
    byte[] out = SignifyFile.encode(comment, p);
    Arrays.fill(p, (byte) 0);
    return out;
  }

  /** Wipes the (encrypted or clear) key bytes. */
  public void destroy() {
    Arrays.fill(encryptedKey, (byte) 0);
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(checksum, (byte) 0);
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return String.format("SecretKey[keynum=%016x, kdf=%s, rounds=%d]", keynum, kdfAlgorithm, kdfRounds);
  }
}
