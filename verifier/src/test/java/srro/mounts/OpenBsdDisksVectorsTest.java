package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.testing.VectorFile;

/**
 * {@link OpenBsdDisks} on output of real OpenBSD machines quoted in public documentation and mailing-list
 * reports (not written by us): the {@link VectorFile}s under {@code srro/mounts/openbsd-vectors/}, with header
 * {@code source:}, {@code parser:} (dmesg, disknames or bioctl) and {@code expect:} (dmesg: {@code sdN=ro|rw,...}
 * or {@code none}; disknames: {@code name:duid,...} in order; bioctl: one {@code device status level
 * chunks=(chunk ...) key=disk|none} per volume, joined by {@code ", "}, or {@code none}).
 */
class OpenBsdDisksVectorsTest {
  static Stream<VectorFile> vectors() {
    return VectorFile.all(Path.of("src/test/resources/srro/mounts/openbsd-vectors"),
        Set.of("source", "parser", "expect"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void parsesRealOutputAsExpected(VectorFile v) throws Exception {
    String expect = v.header().get("expect");
    switch (v.header().get("parser")) {
      case "dmesg" -> {
        Map<String, String> got = new LinkedHashMap<>();
        OpenBsdDisks.attachReadOnly(v.name(), v.body()).forEach((disk, ro) -> got.put(disk, ro ? "ro" : "rw"));
        Map<String, String> want = new LinkedHashMap<>();
        if (!expect.equals("none")) {
          for (String item : expect.split(",")) {
            String[] kv = item.split("=");
            want.put(kv[0], kv[1]);
          }
        }
        assertEquals(want, got);
      }
      case "disknames" -> {
        List<String> got = OpenBsdDisks.disknames(v.name(), v.body()).stream()
            .map(d -> d.name() + ":" + d.duid().orElse("")).toList();
        assertEquals(List.of(expect.split(",")), got);
      }
      case "bioctl" -> {
        String got = OpenBsdDisks.bioctl(v.name(), v.body()).stream()
            .map(sv -> sv.device() + " " + sv.status() + " " + sv.level()
                + " chunks=(" + String.join(" ", sv.chunks()) + ") key=" + sv.keyDisk().orElse("none"))
            .reduce((a, b) -> a + ", " + b).orElse("none");
        assertEquals(expect, got);
      }
      default -> throw new AssertionError(v + ": unknown parser " + v.header().get("parser"));
    }
  }
}
