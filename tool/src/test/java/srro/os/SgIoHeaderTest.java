package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SgIoHeader} against the C compiler: clang compiles {@code sizeof} and {@code offsetof} of every field of
 * {@code sg_io_hdr_t} from this machine's {@code <scsi/sg.h>}, and the ioctl numbers from it and
 * {@code <linux/fs.h>}; the JNR struct must lay out the same (FACTS.md: 88 bytes on x86_64, 84 without the
 * explicit alignment).
 */
class SgIoHeaderTest {
  private final SgIoHeader h = new SgIoHeader(Runtime.getSystemRuntime());

  /** C field name to the JNR field's offset, in declaration order. */
  private Map<String, Long> jnrOffsets() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("interface_id", h.interfaceId.offset());
    m.put("dxfer_direction", h.dxferDirection.offset());
    m.put("cmd_len", h.cmdLen.offset());
    m.put("mx_sb_len", h.mxSbLen.offset());
    m.put("iovec_count", h.iovecCount.offset());
    m.put("dxfer_len", h.dxferLen.offset());
    m.put("dxferp", h.dxferp.offset());
    m.put("cmdp", h.cmdp.offset());
    m.put("sbp", h.sbp.offset());
    m.put("timeout", h.timeout.offset());
    m.put("flags", h.flags.offset());
    m.put("pack_id", h.packId.offset());
    m.put("usr_ptr", h.usrPtr.offset());
    m.put("status", h.status.offset());
    m.put("masked_status", h.maskedStatus.offset());
    m.put("msg_status", h.msgStatus.offset());
    m.put("sb_len_wr", h.sbLenWr.offset());
    m.put("host_status", h.hostStatus.offset());
    m.put("driver_status", h.driverStatus.offset());
    m.put("resid", h.resid.offset());
    m.put("duration", h.duration.offset());
    m.put("info", h.info.offset());
    return m;
  }

  @Test
  void sizeAndEveryOffsetAreWhatClangGivesTheLinuxHeader(@TempDir Path work) throws Exception {
    ClangLayout.Expected e = new ClangLayout.Expected().add("sizeof", Struct.size(h), "sizeof(sg_io_hdr_t)");
    jnrOffsets().forEach((field, offset) -> e.add(field, offset, "offsetof(sg_io_hdr_t, " + field + ")"));
    e.add("SG_IO", SgIoHeader.SG_IO, "SG_IO")
        .add("BLKROGET", SgIoHeader.BLKROGET, "BLKROGET")
        .add("SG_DXFER_NONE", SgIoHeader.SG_DXFER_NONE, "(long) SG_DXFER_NONE")
        .add("SG_DXFER_TO_DEV", SgIoHeader.SG_DXFER_TO_DEV, "(long) SG_DXFER_TO_DEV")
        .add("SG_DXFER_FROM_DEV", SgIoHeader.SG_DXFER_FROM_DEV, "(long) SG_DXFER_FROM_DEV")
        .assertCompilesTo(List.of("stddef.h", "scsi/sg.h", "linux/fs.h"), List.of(), work);
  }

  @Test
  void isEightyEightBytesAsFactsSays() {
    assertEquals(88, Struct.size(h));
  }
}
