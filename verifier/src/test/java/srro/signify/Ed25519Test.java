package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();

  private static boolean verify(byte[] pub, byte[] sig, byte[] msg) {
    Ed25519.Verifier v = Ed25519.verifier(pub, sig);
    v.update(msg, 0, msg.length);
    return v.verify();
  }

  /** RFC 8032 §7.1, from src/test/resources/srro/signify/rfc8032-ed25519.txt. */
  @Test
  void matchesRfc8032TestVectors() throws Exception {
    List<Map<String, String>> vectors = vectors("rfc8032-ed25519.txt");
    assertEquals(4, vectors.size());
    for (Map<String, String> v : vectors) {
      byte[] seed = HEX.parseHex(v.get("secret"));
      byte[] pub = HEX.parseHex(v.get("public"));
      byte[] msg = HEX.parseHex(v.get("message"));
      byte[] sig = HEX.parseHex(v.get("signature"));
      assertArrayEquals(pub, Ed25519.publicKey(seed), v.get("name"));
      assertArrayEquals(sig, Ed25519.sign(seed, pub, msg, 0, msg.length), v.get("name"));
      assertTrue(verify(pub, sig, msg), v.get("name"));
    }
  }

  private static final Set<String> VECTOR_KEYS = Set.of("name", "secret", "public", "message", "signature");

  /** Blocks of "key: value" lines; an unknown or missing key fails the harness. */
  static List<Map<String, String>> vectors(String resource) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> v = new LinkedHashMap<>();
    try (InputStream in = Ed25519Test.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      for (String line : (text + "\n").split("\n", -1)) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.isBlank()) {
          if (!v.isEmpty()) {
            assertEquals(VECTOR_KEYS, v.keySet(), "vector " + v.get("name"));
            out.add(v);
            v = new LinkedHashMap<>();
          }
          continue;
        }
        int colon = line.indexOf(':');
        assertTrue(colon > 0, "not a key: value line: " + line);
        String key = line.substring(0, colon);
        assertTrue(VECTOR_KEYS.contains(key), "unknown key " + key);
        assertNull(v.put(key, line.substring(colon + 1).strip()), "duplicate key " + key);
      }
    }
    return out;
  }

  @Test
  void agreesWithTheJdkVerifierOnGoodAndDamagedSignatures() throws Exception {
    Random r = new Random(42);
    KeyFactory kf = KeyFactory.getInstance("Ed25519");
    for (int i = 0; i < 12; i++) {
      byte[][] pair = Ed25519.generate(Keys.random(i));
      byte[] msg = new byte[r.nextInt(200)];
      r.nextBytes(msg);
      byte[] sig = Ed25519.sign(pair[0], pair[1], msg, 0, msg.length);
      if (i % 2 == 1) {
        sig[r.nextInt(64)] ^= (byte) (1 << r.nextInt(8));
      }
      java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
      jdk.initVerify(kf.generatePublic(new X509EncodedKeySpec(x509(pair[1]))));
      jdk.update(msg);
      boolean expected;
      try {
        expected = jdk.verify(sig);
      } catch (java.security.SignatureException e) {
        expected = false;
      }
      assertEquals(expected, verify(pair[1], sig, msg), "case " + i);
      assertEquals(i % 2 == 0, expected);
    }
  }

  private static byte[] x509(byte[] raw) {
    byte[] prefix = HEX.parseHex("302a300506032b6570032100");
    byte[] out = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(raw, 0, out, prefix.length, raw.length);
    return out;
  }

  @Test
  void rejectsAPublicKeyThatIsNotOnTheCurve() {
    int rejected = 0;
    for (int y = 2; y < 40; y++) {
      byte[] pub = new byte[32];
      pub[0] = (byte) y;
      if (Ed25519.unpackNegative(pub) == null) {
        rejected++;
        assertFalse(verify(pub, new byte[64], new byte[0]));
      }
    }
    assertTrue(rejected > 0);
  }
}
