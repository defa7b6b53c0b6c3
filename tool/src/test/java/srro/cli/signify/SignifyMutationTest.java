package srro.cli.signify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;

/**
 * Every single-byte change of the signature, the public key and the message is rejected with signify's
 * message (each byte position, three changes: flip the low bit, flip the high bit, invert), and changes to
 * the untrusted comments are accepted. Runs in-process: about 1,500 verifications.
 */
class SignifyMutationTest {
  private static final int[] CHANGES = {0x01, 0x80, 0xff};
  @TempDir static Path dir;
  private static String pub;
  private static String msg;
  private static String sig;
  private static String pubText;
  private static String sigText;
  private static byte[] message;

  @BeforeAll
  static void signed() throws IOException {
    pub = dir.resolve("k.pub").toString();
    msg = dir.resolve("m").toString();
    sig = dir.resolve("m.sig").toString();
    assertEquals(0, CliRun.of("signify", "-G", "-n", "-p", pub, "-s", dir.resolve("k.sec").toString()).status());
    message = new byte[100];
    new java.util.Random(7).nextBytes(message);
    Files.write(Path.of(msg), message);
    assertEquals(0, CliRun.of("signify", "-S", "-s", dir.resolve("k.sec").toString(), "-m", msg).status());
    pubText = Files.readString(Path.of(pub));
    sigText = Files.readString(Path.of(sig));
  }

  private static CliRun verify() {
    return CliRun.of("signify", "-V", "-q", "-p", pub, "-m", msg, "-x", sig);
  }

  private static String withPayloadByte(String fileText, int index, int xor) {
    String[] lines = fileText.split("\n");
    byte[] p = Base64.getDecoder().decode(lines[1]);
    p[index] ^= (byte) xor;
    return lines[0] + "\n" + Base64.getEncoder().encodeToString(p) + "\n";
  }

  private static String expected(int index) {
    if (index < 2) {
      return "unsupported file";
    }
    return index < 10 ? "verification failed: checked against wrong key" : "signature verification failed";
  }

  private static void assertRejected(int index, String what) {
    CliRun r = verify();
    int status = index < 2 ? 65 : 1;
    assertEquals(status, r.status(), () -> what + "\n" + r);
    assertTrue(r.err().contains(expected(index)), () -> what + "\n" + r);
    assertEquals(1, r.err().lines().count(), () -> what + "\n" + r);
  }

  @Test
  void everyChangedSignatureByteIsRejected() throws IOException {
    try {
      for (int i = 0; i < 74; i++) {
        for (int x : CHANGES) {
          Files.writeString(Path.of(sig), withPayloadByte(sigText, i, x));
          assertRejected(i, "signature byte " + i + " ^ " + x);
        }
      }
    } finally {
      Files.writeString(Path.of(sig), sigText);
    }
  }

  @Test
  void everyChangedPublicKeyByteIsRejected() throws IOException {
    try {
      for (int i = 0; i < 42; i++) {
        for (int x : CHANGES) {
          Files.writeString(Path.of(pub), withPayloadByte(pubText, i, x));
          assertRejected(i, "public key byte " + i + " ^ " + x);
        }
      }
    } finally {
      Files.writeString(Path.of(pub), pubText);
    }
  }

  @Test
  void everyChangedMessageByteIsRejected() throws IOException {
    try {
      for (int i = 0; i < message.length; i++) {
        for (int x : CHANGES) {
          byte[] m = message.clone();
          m[i] ^= (byte) x;
          Files.write(Path.of(msg), m);
          assertRejected(10, "message byte " + i + " ^ " + x);
        }
      }
      Files.write(Path.of(msg), java.util.Arrays.copyOf(message, message.length - 1));
      assertRejected(10, "message one byte shorter");
      Files.write(Path.of(msg), java.util.Arrays.copyOf(message, message.length + 1));
      assertRejected(10, "message one byte longer");
    } finally {
      Files.write(Path.of(msg), message);
    }
  }

  @Test
  void changedCommentsAreAcceptedBecauseTheyAreUntrusted() throws IOException {
    try {
      for (String file : new String[] {sig, pub}) {
        String text = file.equals(sig) ? sigText : pubText;
        int end = text.indexOf('\n');
        for (int i = "untrusted comment: ".length(); i < end; i++) {
          StringBuilder b = new StringBuilder(text);
          b.setCharAt(i, b.charAt(i) == 'x' ? 'y' : 'x');
          Files.write(Path.of(file), b.toString().getBytes(StandardCharsets.UTF_8));
          CliRun r = verify();
          assertEquals(0, r.status(), () -> "comment of " + file + "\n" + r);
        }
        Files.writeString(Path.of(file), text);
      }
    } finally {
      Files.writeString(Path.of(sig), sigText);
      Files.writeString(Path.of(pub), pubText);
    }
  }

  @Test
  void everyChangedBase64CharacterIsRejected() throws IOException {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int start = sigText.indexOf('\n') + 1;
    try {
      for (int i = start; i < sigText.length() - 1; i++) {
        char c = sigText.charAt(i);
        char d = c == '=' ? 'A' : alphabet.charAt((alphabet.indexOf(c) + 1) % 64);
        Files.writeString(Path.of(sig), sigText.substring(0, i) + d + sigText.substring(i + 1));
        CliRun r = verify();
        int at = i;
        assertTrue(r.status() == 1 || r.status() == 65, () -> "base64 char " + at + "\n" + r);
        assertEquals(1, r.err().lines().count(), () -> "base64 char " + at + "\n" + r);
      }
    } finally {
      Files.writeString(Path.of(sig), sigText);
    }
  }
}
