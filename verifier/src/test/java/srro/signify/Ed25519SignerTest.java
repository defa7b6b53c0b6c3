package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two-pass streaming signing against the JDK's Ed25519 as the oracle: Ed25519 is deterministic, so every
 * signature must be the JDK's byte for byte, whatever the key, the message size and how reads split it.
 */
class Ed25519SignerTest {
  private static final int[] SIZES = {0, 1, 2, 31, 32, 33, 63, 64, 65, 111, 112, 127, 128, 129, 1000, 65535,
    65536, 65537, 1 << 20};

  static byte[] jdkSign(byte[] seed, byte[] message) throws GeneralSecurityException {
    PrivateKey key =
        KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    java.security.Signature s = java.security.Signature.getInstance("Ed25519");
    s.initSign(key);
    s.update(message);
    return s.sign();
  }

  /** A stream that hands out its bytes in reads of random length, as pipes and large files do. */
  private static InputStream choppy(byte[] b, Random r) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, len == 0 ? 0 : 1 + r.nextInt(len));
      }
    };
  }

  @Test
  void streamingSignaturesAreTheJdksForRandomKeysAndSizes() throws Exception {
    Random r = new Random(8032);
    int cases = 0;
    for (int size : SIZES) {
      int keys = size >= 65536 ? 2 : 8;
      for (int i = 0; i < keys; i++) {
        byte[] msg = new byte[size];
        r.nextBytes(msg);
        try (SigningKey k = Keys.signingKey(r.nextLong())) {
          byte[] seed = Arrays.copyOf(k.secretKey(), 32);
          byte[] expected = jdkSign(seed, msg);
          Signature streamed = k.sign("c", "m", () -> choppy(msg, r));
          assertArrayEquals(expected, streamed.sig(), "size " + size + ", key " + i);
          assertArrayEquals(expected, k.sign("c", msg, 0, msg.length).sig(), "in memory, size " + size);
          assertTrue(k.publicKey("p").verify(streamed, msg, 0, msg.length).verified());
          cases++;
        }
      }
    }
    assertEquals(SIZES.length * 8 - 3 * 6, cases);
  }

  @Test
  void signsASliceOfAnArrayAsTheJdkSignsIt() throws Exception {
    byte[] buf = new byte[300];
    new Random(1).nextBytes(buf);
    try (SigningKey k = Keys.signingKey(5)) {
      byte[] seed = Arrays.copyOf(k.secretKey(), 32);
      assertArrayEquals(jdkSign(seed, Arrays.copyOfRange(buf, 17, 250)), k.sign("c", buf, 17, 233).sig());
    }
  }

  @Test
  void derivesPublicKeysAsTheJdkDoes() {
    for (int i = 0; i < 32; i++) {
      byte[][] pair = Ed25519.generate(Keys.random(1000 + i));
      assertArrayEquals(pair[1], Ed25519.publicKey(pair[0]), "seed " + i);
    }
  }

  @Test
  void refusesAMessageThatChangedBetweenThePasses() throws Exception {
    byte[] first = Keys.ascii("the message as it was\n");
    byte[] flipped = first.clone();
    flipped[3] ^= 1;
    byte[] longer = Arrays.copyOf(first, first.length + 1);
    byte[] shorter = Arrays.copyOf(first, first.length - 1);
    try (SigningKey k = Keys.signingKey(6)) {
      for (byte[] second : new byte[][] {flipped, longer, shorter, new byte[0]}) {
        AtomicInteger opened = new AtomicInteger();
        MessageChangedException e =
            assertThrows(
                MessageChangedException.class,
                () -> k.sign("c", "m.txt", () -> new ByteArrayInputStream(
                    opened.getAndIncrement() == 0 ? first : second)));
        assertEquals("m.txt: changed while it was being signed; no signature was made", e.getMessage());
        assertEquals("m.txt", e.source());
        assertEquals(2, opened.get());
      }
    }
  }

  @Test
  void passesReadErrorsOn() {
    try (SigningKey k = Keys.signingKey(7)) {
      IOException e =
          assertThrows(IOException.class, () -> k.sign("c", "m", () -> {
            throw new IOException("m: input/output error");
          }));
      assertEquals("m: input/output error", e.getMessage());
    }
  }

  @Test
  void aSignerInsistsOnItsTwoPasses() {
    try (Ed25519.Signer s = new Ed25519.Signer(new byte[32], Ed25519.publicKey(new byte[32]))) {
      assertThrows(IllegalStateException.class, s::finish);
      s.secondPass();
      assertThrows(IllegalStateException.class, s::secondPass);
      assertTrue(s.finish().isPresent());
    }
  }
}
