package srro.scsi.transport;

/** Which way a command's data phase goes (SG_DXFER_* on Linux, SCCMD_READ/WRITE on OpenBSD). */
public enum DataDirection {
  NONE,
  FROM_DEVICE,
  TO_DEVICE
}
