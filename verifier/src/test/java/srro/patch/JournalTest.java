package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal round-trips, and a damaged or cut-short journal is reported, never half-trusted. */
class JournalTest {
  private static final Journal J =
      new Journal("0a0b0c0d", Journal.Kind.APPLY, List.of("new", "new/sub"),
          List.of(new Journal.Entry("a/f.c", "aa", "bb", "a/.f.c.srro-0a0b0c0d-0", "000000"),
              new Journal.Entry("new/sub/g.c", null, "cc", "new/sub/.g.c.srro-0a0b0c0d-1", null)));

  private static void fails(String text, long line, String message) {
    PatchFormatException e =
        assertThrows(PatchFormatException.class, () -> Journal.parse("j", text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(message, e.getMessage());
    assertEquals(line, e.offset());
  }

  @Test
  void roundTrips() throws Exception {
    assertEquals(J, Journal.parse("j", J.encode()));
  }

  @Test
  void rejectsAJournalCutShort() {
    String t = new String(J.encode(), StandardCharsets.UTF_8);
    fails(t.substring(0, t.indexOf("end")), 8, "journal has no 'end' line: cut short");
    fails(t.replace("end 2", "end 3"), 8, "journal ends with a wrong file count");
  }

  @Test
  void rejectsDamagedLines() {
    fails("nonsense\n", 1, "expected 'srro-patch-journal 1'");
    fails(Journal.MAGIC + "\nkind apply\nid x\nend 0\n", 2, "expected 'id' and 'kind' lines");
    fails(Journal.MAGIC + "\nid x\nkind maybe\nend 0\n", 3, "kind must be apply or rollback");
    fails(Journal.MAGIC + "\nid x\nkind apply\nfile a\tb\nend 1\n", 4, "expected 5 tab-separated fields in a file line");
    fails(Journal.MAGIC + "\nid x\nkind apply\nwhat\nend 0\n", 4, "unexpected journal line");
  }

  @Test
  void rejectsAnOversizedJournal() {
    PatchFormatException e =
        assertThrows(PatchFormatException.class, () -> Journal.parse("j", new byte[Journal.MAX_BYTES + 1]));
    assertEquals("journal larger than 67108864 bytes", e.getMessage());
  }

  @Test
  void copyNamesAreTheIdAndTheIndexInSixDigitsOrMore() {
    for (int i : new int[] {0, 7, 42, 999_999, 1_000_000, 12_345_678, Integer.MAX_VALUE}) {
      assertEquals("0a1b2c3d-" + String.format("%06d", i), Journal.backupName("0a1b2c3d", i));
    }
  }

  /**
   * Only a file the journal itself pairs with its FILE.orig may go without a copy: a planted journal that drops
   * the copy of any other file, or of a backup that had content, is refused.
   */
  @Test
  void onlyAFileMovedToItsBackupMayHaveNoCopy() {
    String id = "0a1b2c3d";
    String h1 = "1".repeat(64);
    String h2 = "2".repeat(64);
    String h3 = "3".repeat(64);
    Journal.Entry file = new Journal.Entry("d/a.c", h1, h2, Journal.tempName("d/a.c", id, 0), null);
    Journal.Entry orig = new Journal.Entry("d/a.c.orig", null, h1, Journal.tempName("d/a.c.orig", id, 1), null);
    assertEquals(java.util.Optional.empty(),
        new Journal(id, Journal.Kind.APPLY, List.of(), List.of(file, orig)).refusal());
    assertEquals(java.util.Optional.of("file 1 ('d/a.c'): copy 'null' is not the name srro gives it"),
        new Journal(id, Journal.Kind.APPLY, List.of(), List.of(file)).refusal());
    Journal.Entry otherOrig = new Journal.Entry("d/a.c.orig", null, h3, Journal.tempName("d/a.c.orig", id, 1), null);
    assertEquals(java.util.Optional.of("file 1 ('d/a.c'): copy 'null' is not the name srro gives it"),
        new Journal(id, Journal.Kind.APPLY, List.of(), List.of(file, otherOrig)).refusal());
    Journal.Entry oldOrig = new Journal.Entry("d/a.c.orig", h3, h1, Journal.tempName("d/a.c.orig", id, 1), null);
    assertEquals(java.util.Optional.of("file 2 ('d/a.c.orig'): copy 'null' is not the name srro gives it"),
        new Journal(id, Journal.Kind.APPLY, List.of(), List.of(
            new Journal.Entry("d/a.c", h1, h2, Journal.tempName("d/a.c", id, 0), null), oldOrig)).refusal());
  }
}
