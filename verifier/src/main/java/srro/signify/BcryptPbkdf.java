package srro.signify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * OpenBSD's bcrypt_pbkdf(3) (lib/libutil/bcrypt_pbkdf.c), the KDF of signify's "BK" secret keys: PBKDF2-like
 * rounds of a bcrypt hash over SHA-512 of the passphrase and salt, with the output spread non-linearly.
 */
final class BcryptPbkdf {
  private static final int WORDS = 8;
  private static final int HASH_BYTES = WORDS * 4;
  private static final byte[] MAGIC = "OxychromaticBlowfishSwatDynamite".getBytes(StandardCharsets.US_ASCII);

  private BcryptPbkdf() {}

  /** bcrypt_hash: 64 rounds of the expensive key schedule, then 64 encryptions of the magic string. */
  static byte[] hash(byte[] sha2pass, byte[] sha2salt) {
    Blowfish state = new Blowfish();
    state.expand(sha2salt, sha2pass);
    for (int i = 0; i < 64; i++) {
      state.expand0(sha2salt);
      state.expand0(sha2pass);
    }
    int[] cdata = new int[WORDS];
    int[] pos = {0};
    for (int i = 0; i < WORDS; i++) {
      cdata[i] = Blowfish.streamToWord(MAGIC, pos);
    }
    for (int i = 0; i < 64; i++) {
      for (int b = 0; b < WORDS; b += 2) {
        state.encipher(cdata, b);
      }
    }
    state.wipe();
    byte[] out = new byte[HASH_BYTES];
    for (int i = 0; i < WORDS; i++) {
      out[4 * i + 3] = (byte) (cdata[i] >>> 24);
      out[4 * i + 2] = (byte) (cdata[i] >>> 16);
      out[4 * i + 1] = (byte) (cdata[i] >>> 8);
      out[4 * i] = (byte) cdata[i];
    }
    Arrays.fill(cdata, 0);
    return out;
  }

  /** The {@code keyLength}-byte key derived from {@code pass} and {@code salt} in {@code rounds} rounds. */
  static byte[] derive(byte[] pass, byte[] salt, int keyLength, int rounds) {
    if (rounds < 1 || pass.length == 0 || salt.length == 0 || keyLength == 0 || keyLength > HASH_BYTES * HASH_BYTES) {
      throw new IllegalArgumentException("bcrypt pbkdf");
    }
    byte[] key = new byte[keyLength];
    int stride = (keyLength + HASH_BYTES - 1) / HASH_BYTES;
    int amt = (keyLength + stride - 1) / stride;
    MessageDigest sha = Ed25519.sha512();
    byte[] sha2pass = sha.digest(pass);
    int remaining = keyLength;
    for (int count = 1; remaining > 0; count++) {
      sha.update(salt);
      sha.update(new byte[] {(byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count});
      byte[] sha2salt = sha.digest();
      byte[] tmp = hash(sha2pass, sha2salt);
      byte[] out = tmp.clone();
      for (int i = 1; i < rounds; i++) {
        Arrays.fill(sha2salt, (byte) 0);
        sha2salt = sha.digest(tmp);
        Arrays.fill(tmp, (byte) 0);
        tmp = hash(sha2pass, sha2salt);
        for (int j = 0; j < out.length; j++) {
          out[j] ^= tmp[j];
        }
      }
      amt = Math.min(amt, remaining);
      int i;
      for (i = 0; i < amt; i++) {
        int dest = i * stride + (count - 1);
        if (dest >= keyLength) {
          break;
        }
        key[dest] = out[i];
      }
      remaining -= i;
      Arrays.fill(out, (byte) 0);
      Arrays.fill(tmp, (byte) 0);
      Arrays.fill(sha2salt, (byte) 0);
    }
    Arrays.fill(sha2pass, (byte) 0);
    return key;
  }
}
