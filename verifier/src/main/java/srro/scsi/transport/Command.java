package srro.scsi.transport;

import java.util.Arrays;
import java.util.Objects;
import srro.scsi.Hex;

/**
 * One SCSI command to send: the CDB, the data direction, the bytes to send (TO_DEVICE) or how many to accept
 * (FROM_DEVICE), and a timeout. {@code name} is what reports call it ("MODE SENSE(6) page 0x3f").
 *
 * <p>{@code dataOut} may hold a secret (a tape key in a SPOUT parameter list): {@link #toString()} never shows
 * data, and {@link #wipe()} zeroes it once the command has been sent.
 */
public record Command(String name, byte[] cdb, DataDirection direction, byte[] dataOut, int allocationLength,
    int timeoutMillis) {

  /** OpenBSD's scsi_ioctl.c rejects larger transfers with EINVAL; Linux sg accepts more but we never need it. */
  public static final int MAX_TRANSFER = 64 * 1024;

  public Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cdb, "cdb");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(dataOut, "dataOut");
    if (cdb.length != 6 && cdb.length != 10 && cdb.length != 12 && cdb.length != 16) {
      throw new IllegalArgumentException("cdb length must be 6, 10, 12 or 16: " + cdb.length);
    }
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
    }
    switch (direction) {
      case NONE -> {
        if (dataOut.length != 0 || allocationLength != 0) {
          throw new IllegalArgumentException("no data phase, but data given");
        }
      }
      case FROM_DEVICE -> {
        if (dataOut.length != 0 || allocationLength <= 0 || allocationLength > MAX_TRANSFER) {
          throw new IllegalArgumentException("allocation length must be 1.." + MAX_TRANSFER);
        }
      }
      case TO_DEVICE -> {
        if (allocationLength != 0 || dataOut.length == 0 || dataOut.length > MAX_TRANSFER) {
          throw new IllegalArgumentException("data out must be 1.." + MAX_TRANSFER + " bytes");
        }
      }
    }
  }

  /** Data length of the transfer in either direction. */
  public int transferLength() {
    return direction == DataDirection.TO_DEVICE ? dataOut.length : allocationLength;
  }

  /** Zeroes the data-out buffer (and the CDB's copy of nothing secret stays as it is). */
  public void wipe() {
    Arrays.fill(dataOut, (byte) 0);
  }

  @Override
  public String toString() {
    return name + " cdb=" + Hex.of(cdb) + " " + direction + " " + transferLength() + " bytes";
  }
}
