package srro.os;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import srro.MalformedInputException;
import srro.check.Skipped;
import srro.mounts.Volume;
import srro.probe.IoctlFailedException;
import srro.probe.Probe;
import srro.probe.WriteProtectMerge;
import srro.scsi.transport.ScsiDevice;

/**
 * Adds what the disks themselves say to another volume source: for every SCSI disk, INQUIRY and MODE SENSE as
 * {@code srro probe} sends them, over a read-only descriptor (MODE SENSE is read-safe, and a check never asks
 * for write access), and the header's WP bit. A volume is read-only when the WP bit or the OS says so; the
 * evidence names MODE SENSE when the disk answered. A disk that cannot be asked is listed as not checked, with
 * the reason (not root, the ioctl failed, the command failed at a named layer).
 */
public final class ModeSenseVolumes implements VolumeSource {
  static final String CHECK = "mode-sense-wp";

  /** Opens a disk for SCSI pass-through; the real one loads JNR, so it is only called when there are disks. */
  @FunctionalInterface
  interface Opener {
    ScsiDevice open(String path) throws OsCallException, IOException;
  }

  private final VolumeSource base;
  private final Predicate<String> scsiDisk;
  private final Opener opener;

  /** {@code scsiDisk} says which of the base's volumes (by device path) are SCSI disks to ask. */
  ModeSenseVolumes(VolumeSource base, Predicate<String> scsiDisk, Opener opener) {
    this.base = base;
    this.scsiDisk = scsiDisk;
    this.opener = opener;
  }

  @Override
  public Reading read() throws IOException {
    Reading r = base.read();
    List<Skipped> skipped = new ArrayList<>();
    for (Skipped s : r.skipped()) {
      if (!s.check().equals(CHECK)) {
        skipped.add(s);
      }
    }
    List<Volume> volumes = new ArrayList<>();
    boolean asked = false;
    for (Volume v : r.volumes()) {
      boolean scsi = scsiDisk.test(v.device());
      asked |= scsi;
      volumes.add(scsi ? ask(v, skipped) : v);
    }
    if (!asked) {
      skipped.add(new Skipped(CHECK, "no SCSI disks on this machine"));
    }
    return new Reading(volumes, skipped);
  }

  private Volume ask(Volume v, List<Skipped> skipped) {
    Optional<Boolean> wp;
    Optional<Boolean> swp;
    try (ScsiDevice d = opener.open(v.device())) {
      Probe.Report report = Probe.run(d, 0x3f, new ArrayList<>());
      wp = report.mode().writeProtected();
      swp = report.controlPage().softwareWriteProtect();
    } catch (NoSuchFileException e) {
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.getFile() + ": no such file or directory"));
      return v;
    } catch (MalformedInputException e) {
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.located()));
      return v;
    } catch (OsCallException | IoctlFailedException | IOException e) {
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.getMessage()));
      return v;
    }
    if (wp.isEmpty()) {
      skipped.add(new Skipped(CHECK, v.device() + ": the device type has no WP bit"));
      return v;
    }
    return WriteProtectMerge.merge(v, wp.get(), swp);
  }
}
