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
    Map<String, Long> offsets = new LinkedHashMap<>();
    offsets.put("flags", r.flags.offset());
    offsets.put("timeout", r.timeout.offset());
    offsets.put("cmd", r.cmd[0].offset());
    offsets.put("cmd[15]", r.cmd[Scsireq.CMDBUFLEN - 1].offset());
    offsets.put("cmdlen", r.cmdlen.offset());
    offsets.put("databuf", r.databuf.offset());
    offsets.put("datalen", r.datalen.offset());
    offsets.put("datalen_used", r.datalenUsed.offset());
    offsets.put("sense", r.sense[0].offset());
    offsets.put("sense[47]", r.sense[Scsireq.SENSEBUFLEN - 1].offset());
    offsets.put("senselen", r.senselen.offset());
    offsets.put("senselen_used", r.senselenUsed.offset());
    offsets.put("status", r.status.offset());
    offsets.put("retsts", r.retsts.offset());
    offsets.put("error", r.error.offset());
    ClangLayout.Expected e = new ClangLayout.Expected().add("sizeof", Struct.size(r), "sizeof(scsireq_t)");
    offsets.forEach((field, offset) -> e.add(field, offset, "__builtin_offsetof(scsireq_t, " + field + ")"));
    e.add("SCIOCCOMMAND", Scsireq.SCIOCCOMMAND, "SCIOCCOMMAND")
        .add("SCCMD_READ", Scsireq.SCCMD_READ, "SCCMD_READ")
        .add("SCCMD_WRITE", Scsireq.SCCMD_WRITE, "SCCMD_WRITE")
        .add("CMDBUFLEN", Scsireq.CMDBUFLEN, "CMDBUFLEN")
        .add("SENSEBUFLEN", Scsireq.SENSEBUFLEN, "SENSEBUFLEN")
        .assertCompilesTo(List.of("sys/types.h", "sys/scsiio.h"),
            List.of("-target", "x86_64-unknown-openbsd7.7", "-nostdinc", "-I" + sys, "-I" + work), work);
  }

  @Test
  void factsNumbersHold() {
    assertEquals(120, Struct.size(r));
    assertEquals(40L, r.databuf.offset()); // 7 padding bytes after cmdlen at 32
    assertEquals(0xC0785101L, Scsireq.SCIOCCOMMAND);
    assertEquals(0xC0785101L, Ioccom.iowr('Q', 1, Struct.size(r)));
  }
}
