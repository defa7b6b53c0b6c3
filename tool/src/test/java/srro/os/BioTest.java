package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;

/**
 * OpenBSD 7.7 dev/biovar.h on amd64. The numbers are what gcc printed for the real header (offsetof and
 * sizeof, compiled with -nostdinc against the 7.7 sys/ tree, -D__OpenBSD__ -D__amd64__):
 * bio 696, bio_status at 8 (684 bytes, bs_status 16, bs_msg_count 20, bs_msgs 24), bio_msg 132; bio_locate 704
 * (bl_name 696); bioc_inq 720 (bi_dev 696, bi_novol 712, bi_nodisk 716); bioc_vol 784 (bv_volid 696,
 * bv_status 704, bv_size 712, bv_level 720, bv_nodisk 724, bv_dev 732, bv_vendor 748); bioc_disk 816
 * (bd_volid 704, bd_diskid 708, bd_status 712, bd_size 720, bd_vendor 728, bd_serial 760, bd_procdev 792);
 * BIOCLOCATE 0xc2c04200, BIOCINQ 0xc2d04220, BIOCDISK 0xc3304221, BIOCVOL 0xc3104222.
 */
class BioTest {
  private static final Runtime RT = Runtime.getSystemRuntime();

  @Test
  void sizesAreGccs() {
    assertEquals(696, Struct.size(new Bio.Header(RT)));
    assertEquals(704, Struct.size(new Bio.Locate(RT)));
    assertEquals(720, Struct.size(new Bio.Inq(RT)));
    assertEquals(784, Struct.size(new Bio.Vol(RT)));
    assertEquals(816, Struct.size(new Bio.Disk(RT)));
  }

  @Test
  void requestNumbersAreGccs() {
    assertEquals(0xc2c04200L, Bio.BIOCLOCATE);
    assertEquals(0xc2d04220L, Bio.BIOCINQ);
    assertEquals(0xc3304221L, Bio.BIOCDISK);
    assertEquals(0xc3104222L, Bio.BIOCVOL);
  }

  @Test
  void offsetsAreGccs() {
    Bio.Header h = new Bio.Header(RT);
    Bio.Locate l = new Bio.Locate(RT);
    Bio.Inq i = new Bio.Inq(RT);
    Bio.Vol v = new Bio.Vol(RT);
    Bio.Disk d = new Bio.Disk(RT);
    Map<String, Long> actual = new LinkedHashMap<>();
    actual.put("bs_controller", h.controller[0].offset());
    actual.put("bs_status", h.status.offset());
    actual.put("bs_msg_count", h.msgCount.offset());
    actual.put("bs_msgs", h.msgs[0].offset());
    actual.put("bl_name", l.name.offset());
    actual.put("bi_dev", i.dev[0].offset());
    actual.put("bi_novol", i.novol.offset());
    actual.put("bi_nodisk", i.nodisk.offset());
    actual.put("bv_volid", v.volid.offset());
    actual.put("bv_status", v.status.offset());
    actual.put("bv_size", v.size.offset());
    actual.put("bv_level", v.level.offset());
    actual.put("bv_nodisk", v.nodisk.offset());
    actual.put("bv_dev", v.dev[0].offset());
    actual.put("bv_vendor", v.vendor[0].offset());
    actual.put("bd_volid", d.volid.offset());
    actual.put("bd_diskid", d.diskid.offset());
    actual.put("bd_status", d.status.offset());
    actual.put("bd_size", d.size.offset());
    actual.put("bd_vendor", d.vendor[0].offset());
    actual.put("bd_serial", d.serial[0].offset());
    actual.put("bd_procdev", d.procdev[0].offset());
    Map<String, Long> gcc = new LinkedHashMap<>();
    gcc.put("bs_controller", 8L);
    gcc.put("bs_status", 24L);
    gcc.put("bs_msg_count", 28L);
    gcc.put("bs_msgs", 32L);
    gcc.put("bl_name", 696L);
    gcc.put("bi_dev", 696L);
    gcc.put("bi_novol", 712L);
    gcc.put("bi_nodisk", 716L);
    gcc.put("bv_volid", 696L);
    gcc.put("bv_status", 704L);
    gcc.put("bv_size", 712L);
    gcc.put("bv_level", 720L);
    gcc.put("bv_nodisk", 724L);
    gcc.put("bv_dev", 732L);
    gcc.put("bv_vendor", 748L);
    gcc.put("bd_volid", 704L);
    gcc.put("bd_diskid", 708L);
    gcc.put("bd_status", 712L);
    gcc.put("bd_size", 720L);
    gcc.put("bd_vendor", 728L);
    gcc.put("bd_serial", 760L);
    gcc.put("bd_procdev", 792L);
    assertEquals(gcc, actual);
  }

  @Test
  void theHeaderOfAnOuterStructReadsTheOuterMemory() {
    Bio.Vol v = new Bio.Vol(RT);
    Pointer m = Memory.allocateDirect(RT, 784, true);
    v.useMemory(m);
    assertNull(v.failure());
    m.putInt(24, Bio.BIO_STATUS_ERROR);
    m.putInt(28, 2);
    m.put(32 + 4, "volume not found\0".getBytes(StandardCharsets.ISO_8859_1), 0, 17);
    m.put(32 + 132 + 4, "second\0".getBytes(StandardCharsets.ISO_8859_1), 0, 7);
    assertEquals("volume not found; second", v.failure());
    m.putInt(28, 0);
    assertEquals("unknown error", v.failure());
    m.putInt(28, 99);
    assertEquals(5, v.failure().split("; ", -1).length, "the count is bounded by the array");
    m.put(732, "sd2\0".getBytes(StandardCharsets.ISO_8859_1), 0, 4);
    assertEquals("sd2", Bio.string(v, v.dev[0], 16));
  }
}
