package srro.scsi.transport;

import java.util.Objects;
import srro.scsi.Sense;

/**
 * The raw status fields of one pass-through command, as the OS returned them, before any judgement. Sense
 * bytes are the ones the OS says it wrote (sb_len_wr, senselen_used), never the whole buffer.
 */
public sealed interface TransportStatus {

  /** The ioctl's errno (0 when it returned 0) and its symbolic name from jnr-constants ("" when 0). */
  int ioctlErrno();

  String errnoName();

  byte[] sense();

  /**
   * Linux {@code sg_io_hdr} after SG_IO (scsi/sg.h): {@code info} (SG_INFO_OK_MASK 0x1), {@code hostStatus}
   * (DID_*), {@code driverStatus} (DRIVER_*), {@code scsiStatus} (the SAM status byte, e.g. 0x02 CHECK
   * CONDITION), {@code resid} (bytes requested minus bytes transferred).
   */
  record SgIo(int ioctlErrno, String errnoName, int info, int hostStatus, int driverStatus, int scsiStatus,
      int resid, byte[] sense, int durationMillis) implements TransportStatus {
    public SgIo {
      Objects.requireNonNull(errnoName, "errnoName");
      Objects.requireNonNull(sense, "sense");
    }
  }

  /**
   * OpenBSD {@code scsireq_t} after SCIOCCOMMAND (sys/scsiio.h): {@code retsts} (SCCMD_OK 0, TIMEOUT 1, BUSY 2,
   * SENSE 3, UNKNOWN 4), {@code status} (the SAM status byte), {@code datalenUsed} (may be the whole
   * allocation length even when less was sent).
   */
  record Scsireq(int ioctlErrno, String errnoName, int retsts, int status, long datalenUsed, byte[] sense)
      implements TransportStatus {
    public Scsireq {
      Objects.requireNonNull(errnoName, "errnoName");
      Objects.requireNonNull(sense, "sense");
    }
  }
}
