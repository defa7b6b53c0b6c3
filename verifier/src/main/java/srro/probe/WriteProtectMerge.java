package srro.probe;

import srro.mounts.Volume;

/**
 * How the disk's own answer (the WP bit of the mode parameter header) is merged with what the OS said about a
 * volume: the volume is read-only when either says so, and the evidence names MODE SENSE whenever the disk's
 * answer decided it (it said read-only, or the OS did not).
 */
public final class WriteProtectMerge {
  private WriteProtectMerge() {}

  /** {@code volume} as the OS reported it, with the disk's {@code writeProtected} bit merged in. */
  public static Volume merge(Volume volume, boolean writeProtected) {
    boolean osReadOnly = volume.readOnly() == Volume.ReadOnly.YES;
    boolean readOnly = writeProtected || osReadOnly;
    Volume.Evidence evidence = writeProtected || !osReadOnly ? Volume.Evidence.MODE_SENSE_WP : volume.evidence();
    return new Volume(volume.device(), volume.aliases(), readOnly ? Volume.ReadOnly.YES : Volume.ReadOnly.NO,
        evidence, volume.chunks());
  }
}
