package srro.signify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyNamingTest {
  private static final String SCHEME = "please use naming scheme of keyname.pub and keyname.sec";

  @Test
  void acceptsMatchingPubAndSecNames() throws Exception {
    assertEquals("k.sec", KeyNaming.checkCompliance(Optional.of("/a/k.pub"), "/b/k.sec"));
  }

  @Test
  void rejectsOtherNames() {
    assertEquals(SCHEME, assertThrows(KeyNameException.class, () -> KeyNaming.checkCompliance(Optional.empty(), "k.key")).getMessage());
    assertThrows(KeyNameException.class, () -> KeyNaming.checkCompliance(Optional.empty(), ".sec"));
    assertThrows(KeyNameException.class, () -> KeyNaming.checkCompliance(Optional.of("j.pub"), "k.sec"));
    assertThrows(KeyNameException.class, () -> KeyNaming.checkCompliance(Optional.of("k.pem"), "k.sec"));
  }

  @Test
  void commentsSignaturesWithThePublicKeyName() throws Exception {
    assertEquals("verify with openbsd-77-base.pub", KeyNaming.signatureComment("/etc/x/openbsd-77-base.sec", "ignored"));
    assertEquals("signature from my secret key", KeyNaming.signatureComment("-", "my secret key"));
  }

  @Test
  void checksTheKeytypeSuffix() throws Exception {
    KeyNaming.checkKeytype("openbsd-77-base.pub", "base");
    KeyNameException e =
        assertThrows(KeyNameException.class, () -> KeyNaming.checkKeytype("openbsd-77-fw.pub", "base"));
    assertEquals("incorrect keytype: openbsd-77-fw.pub is not base", e.getMessage());
    assertThrows(KeyNameException.class, () -> KeyNaming.checkKeytype("nodash.pub", "base"));
  }
}
