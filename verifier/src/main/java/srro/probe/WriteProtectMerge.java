package srro.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.mounts.Volume;

/**
 * How the disk's own answers (the WP bit of the mode parameter header, the SWP bit of its control page) are
 * merged with what the OS said about a volume: the volume is read-only when any of them says so. The evidence
 * names the layer that decided: MODE SENSE's WP bit when it said read-only, else the control page's SWP when
 * it did, else the OS when it said read-only, else MODE SENSE (the disk said writable and nothing disagreed).
 */
public final class WriteProtectMerge {
  private WriteProtectMerge() {}

  /** {@code volume} as the OS reported it, with the disk's {@code writeProtected} bit merged in. */
  public static Volume merge(Volume volume, boolean writeProtected) {
    return merge(volume, writeProtected, Optional.empty());
  }

  /** {@code volume} with the WP bit and the control page's {@code softwareWriteProtect} (if read) merged in. */
  public static Volume merge(Volume volume, boolean writeProtected, Optional<Boolean> softwareWriteProtect) {
    boolean osReadOnly = volume.readOnly() == Volume.ReadOnly.YES;
    boolean swp = softwareWriteProtect.orElse(false);
    boolean readOnly = writeProtected || swp || osReadOnly;
    Volume.Evidence evidence;
    if (writeProtected) {
      evidence = Volume.Evidence.MODE_SENSE_WP;
    } else if (swp) {
      evidence = Volume.Evidence.CONTROL_PAGE_SWP;
    } else if (osReadOnly) {
      evidence = volume.evidence();
    } else {
      evidence = Volume.Evidence.MODE_SENSE_WP;
    }
    List<Volume.Reading> readings = new ArrayList<>(volume.readings());
    readings.add(new Volume.Reading(Volume.Evidence.MODE_SENSE_WP,
        writeProtected ? Volume.ReadOnly.YES : Volume.ReadOnly.NO, writeProtected ? "WP=1" : "WP=0"));
    softwareWriteProtect.ifPresent(b -> readings.add(new Volume.Reading(Volume.Evidence.CONTROL_PAGE_SWP,
        b ? Volume.ReadOnly.YES : Volume.ReadOnly.NO, b ? "SWP=1" : "SWP=0")));
    return new Volume(volume.device(), volume.aliases(), readOnly ? Volume.ReadOnly.YES : Volume.ReadOnly.NO,
        evidence, volume.chunks(), readings);
  }
}
