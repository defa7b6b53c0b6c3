package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * Each kit's sr_meta_probe() and sr_chunks_unwind() run with a VOP_OPEN() answering from a script, and its
 * sr_rebuild_resume() on volumes in every state (patches/harness/mp_sr.c, rb_sr.c), judged here: a chunk is
 * opened read-write first; only EACCES (sd(4), write protected) and EROFS (vnd(4), read-only file) lead to a
 * read-only retry, which makes the volume read-only; EPERM (securelevel) fails with a message; every chunk
 * that opened is closed with exactly its open flags; a read-only volume never starts a rebuild.
 */
class SoftraidHarnessTest {
  private record Open(String flags, String error) {}

  private static List<Open> opens(String s) {
    List<Open> out = new ArrayList<>();
    for (String o : s.isEmpty() ? new String[0] : s.split(",")) {
      String[] p = o.split(":");
      out.add(new Open(p[0], p[1]));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void aChunkIsRetriedReadOnlyOnlyAfterEaccesOrErofsAndClosedWithTheFlagsItWasOpenedWith(KitTree k)
      throws Exception {
    List<String> lines = KitHarness.of(k).lines("meta_probe");
    assertEquals(18, lines.stream().filter(l -> l.startsWith("probe ")).count(), k.kit());
    for (String line : lines) {
      assertFalse(line.startsWith("console=") || line.startsWith("panic="), k + ": " + line);
      Map<String, String> f = KitHarness.fields(line);
      int chunks = Integer.parseInt(f.get("chunks"));
      List<Open> opens = opens(f.get("opens"));
      // The model: what the kit says sr_meta_probe does, chunk by chunk, until a chunk fails.
      List<String> opened = new ArrayList<>();
      List<String> rdonly = new ArrayList<>();
      List<String> msgs = new ArrayList<>();
      int i = 0;
      boolean failed = false;
      for (int c = 0; c < chunks && !failed; c++) {
        String dev = "sd" + (2 + c) + "a";
        Open first = opens.get(i++);
        assertEquals("rw", first.flags(), k + ": the first open is read-write: " + line);
        if (first.error().equals("0")) {
          opened.add("rw");
          rdonly.add("0");
        } else if (first.error().equals("EACCES") || first.error().equals("EROFS")) {
          Open retry = opens.get(i++);
          assertEquals("r", retry.flags(), k + ": the retry is read-only: " + line);
          if (retry.error().equals("0")) {
            opened.add("r");
            rdonly.add("1");
            msgs.add("warn:chunk " + dev + " is read-only, volume will be read-only");
          } else {
            failed = true;
          }
        } else {
          if (first.error().equals("EPERM")) {
            msgs.add("error:" + dev + ": write access denied at securelevel 2");
          }
          failed = true;
        }
        if (failed) {
          rdonly.add("-1");
        }
      }
      assertEquals(opens.size(), i, k + ": no other open: " + line);
      assertEquals(failed ? "0" : "1", f.get("assembled"), k + ": " + line);
      assertEquals(opened.contains("r") ? "1" : "0", f.get("readonly"),
          k + ": SR_CAP_READONLY exactly when a chunk was opened read-only: " + line);
      assertEquals(String.join(",", rdonly), f.get("rdonly"), k + ": src_rdonly: " + line);
      assertEquals(String.join(",", opened), f.get("closes"), k + ": closed as opened: " + line);
      assertEquals(String.valueOf(rdonly.size()), f.get("vputs"), k + ": one vput per vnode: " + line);
      assertEquals(String.join("|", msgs), f.get("msgs"), k + ": " + line);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void aRebuildIsResumedOnlyOnAWritableVolumeInTheRebuildState(KitTree k) throws Exception {
    List<String> lines = KitHarness.of(k).lines("rebuild");
    assertEquals(12, lines.size(), k + ": " + lines);
    for (String line : lines) {
      Map<String, String> f = KitHarness.fields(line);
      boolean ro = f.get("readonly").equals("1");
      boolean rebuild = f.get("status").equals("Rebuild");
      assertEquals(!ro && rebuild ? "1" : "0", f.get("started"), k + ": " + line);
      assertEquals(ro && rebuild ? "sd3 is read-only, rebuild not resumed" : "", f.get("msgs"), k + ": " + line);
    }
  }

  private static final Pattern FUNCTION = Pattern.compile("(?m)^([a-z_][a-z0-9_]*)\\(");

  /** The name of the function each occurrence of {@code text} in {@code source} is in, in order. */
  private static List<String> callers(String source, String text) {
    List<String> out = new ArrayList<>();
    for (int at = source.indexOf(text); at >= 0; at = source.indexOf(text, at + 1)) {
      Matcher m = FUNCTION.matcher(source.substring(0, at));
      String name = "(none)";
      while (m.find()) {
        name = m.group(1);
      }
      out.add(name);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void onlyAnExplicitRebuildAndTheGuardedResumeStartARebuildThread(KitTree k) throws Exception {
    String softraid = KitHarness.of(k).patched("softraid.c");
    Set<String> starters = new LinkedHashSet<>(callers(softraid, "kthread_create_deferred(sr_rebuild_start"));
    assertEquals(Set.of("sr_rebuild_init", "sr_rebuild_resume"), starters, k.kit());
    assertEquals(List.of("sr_ioctl_createraid"), callers(softraid, "sr_rebuild_resume(sd);"), k.kit());
    // sr_rebuild_init refuses a read-only volume before it opens the new chunk read-write.
    int init = softraid.indexOf("\nsr_rebuild_init(");
    int guard = softraid.indexOf("SR_CAP_READONLY", init);
    int open = softraid.indexOf("VOP_OPEN(vn, FREAD | FWRITE", init);
    assertTrue(init > 0 && guard > init && guard < open, k.kit());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void noMessageSaysUpdatingMetadataForAReadOnlyVolume(KitTree k) throws Exception {
    String softraid = KitHarness.of(k).patched("softraid.c");
    int at = softraid.indexOf("updating metadata");
    assertTrue(at > 0, k.kit());
    assertEquals(-1, softraid.indexOf("updating metadata", at + 1), k.kit());
    String before = softraid.substring(softraid.lastIndexOf("sr_warn(", at), at);
    assertTrue(before.contains("(sd->sd_capabilities & SR_CAP_READONLY) ? \"\" :"), k + ": " + before);
  }

  /**
   * What bioctl prints is each bio_status message as "controller: message" (bioctl.c bio_status()), so these
   * are the lines the kit's README promises for -P, -O and -R; the console shows the same (sr_error prints).
   */
  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void bioctlPOAndRGetSoftraidsRefusalOnAReadOnlyVolumeAndNothingIsSaved(KitTree k) throws Exception {
    Map<String, String> want = new java.util.LinkedHashMap<>();
    want.put("crypto kdfhint", "success||0|0");
    want.put("crypto changepass", "success||1|0");
    want.put("crypto offline", "success||1|1");
    want.put("crypto rebuild", "error|softraid0:discipline does not support rebuild|0|0");
    want.put("crypto-ro kdfhint", "success||0|0");
    want.put("crypto-ro changepass", "error|softraid0:sd3 is read-only|0|0");
    want.put("crypto-ro offline", "error|softraid0:sd3 is read-only|0|0");
    want.put("crypto-ro rebuild", "error|softraid0:discipline does not support rebuild|0|0");
    want.put("raid1 rebuild", "error|softraid0:no online chunks available for rebuild|0|0");
    want.put("raid1-ro rebuild", "error|softraid0:sd3 is read-only|0|0");
    want.put("raid1-ro offline", "error|softraid0:sd3 is read-only|0|0");
    Map<String, String> got = new java.util.LinkedHashMap<>();
    List<String> console = new ArrayList<>();
    for (String line : KitHarness.of(k).lines("refusal")) {
      if (line.startsWith("console=")) {
        console.add(line);
        continue;
      }
      Map<String, String> f = KitHarness.fields(line);
      assertEquals("0", f.get("rv"), k + ": messages make the ioctl succeed, bioctl reads them: " + line);
      assertEquals("0", f.get("opens"), k + ": no chunk is opened: " + line);
      got.put(f.get("vol") + " " + f.get("cmd"),
          f.get("status") + "|" + f.get("msgs") + "|" + f.get("saves") + "|" + f.get("chunkstate"));
    }
    assertEquals(want, got, k.kit());
    assertEquals(List.of("console=softraid0: discipline does not support rebuild|",
        "console=softraid0: sd3 is read-only|", "console=softraid0: sd3 is read-only|",
        "console=softraid0: discipline does not support rebuild|",
        "console=softraid0: no online chunks available for rebuild|", "console=softraid0: sd3 is read-only|",
        "console=softraid0: sd3 is read-only|"), console, k.kit());
  }
}
