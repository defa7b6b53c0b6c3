package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();

  private static boolean verify(byte[] pub, byte[] sig, byte[] msg) {
    Ed25519.Verifier v = Ed25519.verifier(pub, sig);
    v.update(msg, 0, msg.length);
    return v.verify();
  }

  @Test
  void matchesRfc8032TestVectors() {
    String[][] vectors = {
      {
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
      },
      {
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
      }
    };
    for (String[] v : vectors) {
      byte[] seed = HEX.parseHex(v[0]);
      byte[] pub = HEX.parseHex(v[1]);
      byte[] msg = HEX.parseHex(v[2]);
      byte[] sig = HEX.parseHex(v[3]);
      assertArrayEquals(pub, Ed25519.publicKey(seed));
      assertArrayEquals(sig, Ed25519.sign(seed, msg, 0, msg.length));
      assertTrue(verify(pub, sig, msg));
    }
  }

  @Test
  void agreesWithTheJdkVerifierOnGoodAndDamagedSignatures() throws Exception {
    Random r = new Random(42);
    KeyFactory kf = KeyFactory.getInstance("Ed25519");
    for (int i = 0; i < 12; i++) {
      byte[][] pair = Ed25519.generate(Keys.random(i));
      byte[] msg = new byte[r.nextInt(200)];
      r.nextBytes(msg);
      byte[] sig = Ed25519.sign(pair[0], msg, 0, msg.length);
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
