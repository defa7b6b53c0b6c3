package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;

/** OpenBSD 7.7 sys/scsiio.h scsireq_t on amd64: FACTS.md's numbers, checked with gcc on the same declaration. */
class ScsireqTest {
  private final Scsireq r = new Scsireq(Runtime.getSystemRuntime());

  @Test
  void isOneHundredTwentyBytes() {
    assertEquals(120, Struct.size(r));
  }

  @Test
  void everyFieldSitsAtTheAmd64Offset() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("flags", 0L);
    expected.put("timeout", 8L);
    expected.put("cmd", 16L);
    expected.put("cmdlen", 32L);
    expected.put("databuf", 40L); // 7 padding bytes after cmdlen
    expected.put("datalen", 48L);
    expected.put("datalen_used", 56L);
    expected.put("sense", 64L);
    expected.put("senselen", 112L);
    expected.put("senselen_used", 113L);
    expected.put("status", 114L);
    expected.put("retsts", 115L);
    expected.put("error", 116L);
    Map<String, Long> actual = new LinkedHashMap<>();
    actual.put("flags", r.flags.offset());
    actual.put("timeout", r.timeout.offset());
    actual.put("cmd", r.cmd[0].offset());
    actual.put("cmdlen", r.cmdlen.offset());
    actual.put("databuf", r.databuf.offset());
    actual.put("datalen", r.datalen.offset());
    actual.put("datalen_used", r.datalenUsed.offset());
    actual.put("sense", r.sense[0].offset());
    actual.put("senselen", r.senselen.offset());
    actual.put("senselen_used", r.senselenUsed.offset());
    actual.put("status", r.status.offset());
    actual.put("retsts", r.retsts.offset());
    actual.put("error", r.error.offset());
    assertEquals(expected, actual);
    assertEquals(31L, r.cmd[15].offset());
    assertEquals(111L, r.sense[47].offset());
  }

  @Test
  void sciocCommandIsIowrQ1OfTheStructSize() {
    assertEquals(0xC0785101L, Scsireq.SCIOCCOMMAND);
    assertEquals(0xC0785101L, Ioccom.iowr('Q', 1, Struct.size(r)));
  }
}
