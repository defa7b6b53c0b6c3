package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;

/** The layout gcc gives {@code sg_io_hdr_t} from /usr/include/scsi/sg.h on x86_64 (checked once with offsetof). */
class SgIoHeaderTest {
  private final SgIoHeader h = new SgIoHeader(Runtime.getSystemRuntime());

  @Test
  void isEightyEightBytesLikeTheKernelStruct() {
    assertEquals(88, Struct.size(h));
  }

  @Test
  void everyFieldSitsAtTheKernelOffset() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("interface_id", 0L);
    expected.put("dxfer_direction", 4L);
    expected.put("cmd_len", 8L);
    expected.put("mx_sb_len", 9L);
    expected.put("iovec_count", 10L);
    expected.put("dxfer_len", 12L);
    expected.put("dxferp", 16L);
    expected.put("cmdp", 24L);
    expected.put("sbp", 32L);
    expected.put("timeout", 40L);
    expected.put("flags", 44L);
    expected.put("pack_id", 48L);
    expected.put("usr_ptr", 56L);
    expected.put("status", 64L);
    expected.put("masked_status", 65L);
    expected.put("msg_status", 66L);
    expected.put("sb_len_wr", 67L);
    expected.put("host_status", 68L);
    expected.put("driver_status", 70L);
    expected.put("resid", 72L);
    expected.put("duration", 76L);
    expected.put("info", 80L);
    Map<String, Long> actual = new LinkedHashMap<>();
    actual.put("interface_id", h.interfaceId.offset());
    actual.put("dxfer_direction", h.dxferDirection.offset());
    actual.put("cmd_len", h.cmdLen.offset());
    actual.put("mx_sb_len", h.mxSbLen.offset());
    actual.put("iovec_count", h.iovecCount.offset());
    actual.put("dxfer_len", h.dxferLen.offset());
    actual.put("dxferp", h.dxferp.offset());
    actual.put("cmdp", h.cmdp.offset());
    actual.put("sbp", h.sbp.offset());
    actual.put("timeout", h.timeout.offset());
    actual.put("flags", h.flags.offset());
    actual.put("pack_id", h.packId.offset());
    actual.put("usr_ptr", h.usrPtr.offset());
    actual.put("status", h.status.offset());
    actual.put("masked_status", h.maskedStatus.offset());
    actual.put("msg_status", h.msgStatus.offset());
    actual.put("sb_len_wr", h.sbLenWr.offset());
    actual.put("host_status", h.hostStatus.offset());
    actual.put("driver_status", h.driverStatus.offset());
    actual.put("resid", h.resid.offset());
    actual.put("duration", h.duration.offset());
    actual.put("info", h.info.offset());
    assertEquals(expected, actual);
  }

  @Test
  void ioctlNumbersMatchTheLinuxHeaders() {
    assertEquals(0x2285, SgIoHeader.SG_IO);
    assertEquals(0x125e, SgIoHeader.BLKROGET);
    assertEquals(-3, SgIoHeader.SG_DXFER_FROM_DEV);
    assertEquals(-2, SgIoHeader.SG_DXFER_TO_DEV);
    assertEquals(-1, SgIoHeader.SG_DXFER_NONE);
  }
}
