package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.ReferenceTrees;

/**
 * {@link Scsireq} against the C compiler: clang, targeting OpenBSD 7.7 amd64 with only the 7.7 reference tree's
 * headers ({@code -nostdinc}, shared/openbsd/README.md), compiles {@code sizeof(scsireq_t)}, the offset of every
 * field and {@code SCIOCCOMMAND}; the JNR struct must agree. FACTS.md's numbers (120 bytes, 7 padding bytes after
 * {@code cmdlen}, 0xC0785101) are checked beside them.
 */
class ScsireqTest {
  private final Scsireq r = new Scsireq(Runtime.getSystemRuntime());

  @Test
  void sizeEveryOffsetAndSciocCommandAreWhatClangGivesTheOpenBsdHeader(@TempDir Path work) throws Exception {
    Path sys = ReferenceTrees.tree(ReferenceTrees.KITS.get(0)).resolve("sys");
    Files.createSymbolicLink(work.resolve("machine"), sys.resolve("arch/amd64/include"));
    Map<String, Long> jnr = new LinkedHashMap<>();
    jnr.put("sizeof", (long) Struct.size(r));
    jnr.put("flags", r.flags.offset());
    jnr.put("timeout", r.timeout.offset());
    jnr.put("cmd", r.cmd[0].offset());
    jnr.put("cmd[15]", r.cmd[Scsireq.CMDBUFLEN - 1].offset());
    jnr.put("cmdlen", r.cmdlen.offset());
    jnr.put("databuf", r.databuf.offset());
    jnr.put("datalen", r.datalen.offset());
    jnr.put("datalen_used", r.datalenUsed.offset());
    jnr.put("sense", r.sense[0].offset());
    jnr.put("sense[47]", r.sense[Scsireq.SENSEBUFLEN - 1].offset());
    jnr.put("senselen", r.senselen.offset());
    jnr.put("senselen_used", r.senselenUsed.offset());
    jnr.put("status", r.status.offset());
    jnr.put("retsts", r.retsts.offset());
    jnr.put("error", r.error.offset());
    Map<String, String> c = new LinkedHashMap<>();
    for (String field : jnr.keySet()) {
      c.put(field, field.equals("sizeof") ? "sizeof(scsireq_t)" : "__builtin_offsetof(scsireq_t, " + field + ")");
    }
    jnr.put("SCIOCCOMMAND", Scsireq.SCIOCCOMMAND);
    c.put("SCIOCCOMMAND", "SCIOCCOMMAND");
    jnr.put("SCCMD_READ", (long) Scsireq.SCCMD_READ);
    c.put("SCCMD_READ", "SCCMD_READ");
    jnr.put("SCCMD_WRITE", (long) Scsireq.SCCMD_WRITE);
    c.put("SCCMD_WRITE", "SCCMD_WRITE");
    jnr.put("CMDBUFLEN", (long) Scsireq.CMDBUFLEN);
    c.put("CMDBUFLEN", "CMDBUFLEN");
    jnr.put("SENSEBUFLEN", (long) Scsireq.SENSEBUFLEN);
    c.put("SENSEBUFLEN", "SENSEBUFLEN");
    Map<String, Long> clang = ClangLayout.of(List.of("sys/types.h", "sys/scsiio.h"), c,
        List.of("-target", "x86_64-unknown-openbsd7.7", "-nostdinc", "-I" + sys, "-I" + work), work);
    assertEquals(clang, jnr);
  }

  @Test
  void factsNumbersHold() {
    assertEquals(120, Struct.size(r));
    assertEquals(40L, r.databuf.offset()); // 7 padding bytes after cmdlen at 32
    assertEquals(0xC0785101L, Scsireq.SCIOCCOMMAND);
    assertEquals(0xC0785101L, Ioccom.iowr('Q', 1, Struct.size(r)));
  }
}
