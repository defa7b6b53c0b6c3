package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

class KadTest {

  @Test
  void roundTripsThroughEncodeAndParse() throws Exception {
    Kad k = new Kad(Kad.AKAD, 0, new byte[] {'a', 'b'});
    byte[] out = new byte[k.encodedLength()];
    k.encodeInto(out, 0);
    assertArrayEquals(new byte[] {1, 0, 0, 2, 'a', 'b'}, out);
    assertEquals(List.of(k), Kad.parseAll(Cursor.of("k", out), 0, out.length));
  }

  @Test
  void showsBinaryDescriptorsAsHex() {
    assertEquals("hex:00ff", new Kad(Kad.UKAD, 0, new byte[] {0, (byte) 0xff}).text());
  }

  @Test
  void namesEveryType() {
    String[] names = {"u-kad", "a-kad", "nonce", "m-kad", "wk-kad", "type 0x05"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(names[i], new Kad(i, 0, new byte[0]).typeName());
    }
  }

  @Test
  void rejectsHeaderCutByThePageEnd() {
    byte[] b = {0, 0, 0};
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> Kad.parseAll(Cursor.of("k", b), 0, 3));
    assertEquals("kad descriptor header needs 4 bytes, only 3 left in the page", e.getMessage());
  }

  @Test
  void rejectsAuthenticatedOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Kad(0, 8, new byte[0]));
    assertEquals("authenticated must be 0..7: 8", e.getMessage());
  }
  @Test
  void namesEveryAuthenticatedValue() {
    String[] names = {"reserved (0)", "not authenticated", "authentication not attempted", "authenticated",
        "authentication failed", "reserved (5)"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(names[i], new Kad(Kad.AKAD, i, new byte[0]).authenticatedText());
    }
  }
}
