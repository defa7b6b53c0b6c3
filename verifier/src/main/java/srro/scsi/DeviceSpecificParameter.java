package srro.scsi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The device-specific parameter byte of the mode parameter header (SPC-4 §7.5.4), whose meaning the device
 * type standard gives: SBC-3 §6.4.1 for disks (WP bit 7, DPOFUA bit 4), SSC-4 §8.3.3 for tapes (WP bit 7,
 * BUFFERED MODE bits 6-4, SPEED bits 3-0). For other or unknown types only {@code raw} is meaningful.
 */
public record DeviceSpecificParameter(int raw, Optional<DeviceType> deviceType) {
  public DeviceSpecificParameter {
    Objects.requireNonNull(deviceType, "deviceType");
    if (raw < 0 || raw > 0xff) {
      throw new IllegalArgumentException("device-specific parameter is one byte: " + raw);
    }
  }

  private boolean disk() {
    return deviceType.map(DeviceType::blockDevice).orElse(false);
  }

  private boolean tape() {
    return deviceType.filter(t -> t == DeviceType.TAPE).isPresent();
  }

  /** WP (bit 7) for disks and tapes; empty when the type does not define it. */
  public Optional<Boolean> writeProtected() {
    return disk() || tape() ? Optional.of((raw & 0x80) != 0) : Optional.empty();
  }

  /** DPOFUA (bit 4, disks): DPO and FUA bits are supported. */
  public Optional<Boolean> dpofua() {
    return disk() ? Optional.of((raw & 0x10) != 0) : Optional.empty();
  }

  /** BUFFERED MODE (bits 6-4, tapes). */
  public OptionalInt bufferedMode() {
    return tape() ? OptionalInt.of((raw >> 4) & 0x7) : OptionalInt.empty();
  }

  /** SPEED (bits 3-0, tapes). */
  public OptionalInt speed() {
    return tape() ? OptionalInt.of(raw & 0xf) : OptionalInt.empty();
  }

  /** "WP=1 DPOFUA=0", "WP=0 buffered mode=1 speed=0" or "0x80 (not decoded for this device type)". */
  public String describe() {
    if (disk()) {
      return "WP=" + bit(writeProtected()) + " DPOFUA=" + bit(dpofua());
    }
    if (tape()) {
      return "WP=" + bit(writeProtected()) + " buffered mode=" + bufferedMode().getAsInt() + " speed="
          + speed().getAsInt();
    }
    return String.format("0x%02x (not decoded for this device type)", raw);
  }

  private static int bit(Optional<Boolean> b) {
    return b.orElse(false) ? 1 : 0;
  }
}
