package srro.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** libcrypto's SHA-256 against the JDK's own (provider SUN), byte for byte, however the input is fed. */
class NativeSha256Test {
  private static final Random RANDOM = new Random(15);

  @BeforeAll
  static void load() {
    boolean linux = "Linux".equals(System.getProperty("os.name"));
    boolean present = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))
        || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libcrypto.so.3"));
    if (!linux || !present) {
      System.err.println("NativeSha256Test: SKIPPED, no libcrypto.so.3 on this machine (Debian: libssl3)");
      Assumptions.assumeTrue("true".equals(System.getenv("CI")) && linux, "no libcrypto");
    }
    assertTrue(NativeSha256.install(), "libcrypto's SHA-256 did not load");
    assertTrue(NativeSha256.installed());
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] jdk(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256", "SUN").digest(data);
  }

  @Test
  void isWhatMessageDigestHandsOut() throws Exception {
    assertEquals(NativeSha256.PROVIDER, MessageDigest.getInstance("SHA-256").getProvider().getName());
  }

  @Test
  void everyLengthAroundTheBlockSizesDigestsAsTheJdks() throws Exception {
    for (int n = 0; n <= 300; n++) {
      byte[] d = random(n);
      assertArrayEquals(jdk(d), MessageDigest.getInstance("SHA-256").digest(d), "length " + n);
    }
  }

  @Test
  void inputsLargerThanOneUpdateDigestAsTheJdks() throws Exception {
    for (int n : new int[] {NativeSha256.CHUNK - 1, NativeSha256.CHUNK, NativeSha256.CHUNK + 1,
        3 * NativeSha256.CHUNK + 17}) {
      byte[] d = random(n);
      assertArrayEquals(jdk(d), MessageDigest.getInstance("SHA-256").digest(d), "length " + n);
    }
  }

  @Test
  void piecesBytesOffsetsResetsAndReuse() throws Exception {
    byte[] d = random(10_000);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(d, 0, 1);
    for (int i = 1; i < 100; i++) {
      md.update(d[i]);
    }
    md.update(d, 100, 9_000);
    md.update(java.nio.ByteBuffer.wrap(d, 9_100, 900));
    assertArrayEquals(jdk(d), md.digest());
    assertArrayEquals(jdk(new byte[0]), md.digest(), "a digest starts again after digest()");
    md.update(d, 0, 5_000);
    md.reset();
    assertArrayEquals(jdk(Arrays.copyOfRange(d, 5, 6)), md.digest(Arrays.copyOfRange(d, 5, 6)));
    assertThrows(IllegalArgumentException.class, () -> md.update(d, 9_999, 2)); // as MessageDigest says
  }

  @Test
  void aCloneGoesOnFromTheSameState() throws Exception {
    byte[] d = random(5_000);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(d, 0, 2_000);
    MessageDigest copy = (MessageDigest) md.clone();
    md.update(d, 2_000, 3_000);
    copy.update(d, 2_000, 3_000);
    assertArrayEquals(jdk(d), md.digest());
    assertArrayEquals(jdk(d), copy.digest());
  }

  @Test
  void manyDigestsFromManyThreads() throws Exception {
    byte[][] inputs = new byte[64][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = random(RANDOM.nextInt(100_000));
    }
    Thread[] threads = new Thread[4];
    Throwable[] failed = new Throwable[1];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        try {
          for (int round = 0; round < 20; round++) {
            for (byte[] in : inputs) {
              assertArrayEquals(jdk(in), MessageDigest.getInstance("SHA-256").digest(in));
            }
          }
        } catch (Throwable e) {
          failed[0] = e;
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failed[0] != null) {
      throw new AssertionError(failed[0]);
    }
    System.gc(); // the collected digests' contexts are freed by the cleaner: nothing to see but no crash
  }
}
