package srro.os;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import srro.MalformedInputException;
import srro.check.DeviceRefusal;
import srro.check.Skipped;
import srro.mounts.Volume;
import srro.probe.CommandFailedException;
import srro.probe.IoctlFailedException;
import srro.probe.Probe;
import srro.probe.WriteProtectMerge;
import srro.scsi.transport.ScsiDevice;

/**
 * Adds what the disks themselves say to another volume source: for every SCSI disk, INQUIRY and MODE SENSE as
 * {@code srro probe} sends them, over a read-only descriptor (MODE SENSE is read-safe, and a check never asks
 * for write access), and the header's WP bit. A volume is read-only when the WP bit or the OS says so; the
 * evidence names MODE SENSE when the disk answered. What comes of a disk that does not answer is what comes of
 * it in {@code srro probe} (issue 11):
 *
 * <ul>
 *   <li>the disk refused a command (a failed layer above the ioctl): a {@link DeviceRefusal} with probe's line,
 *       which the check reports as an error;
 *   <li>an OS call failed (open with an unexpected errno, the pass-through ioctl): thrown, the run ends with 71;
 *   <li>this user may not ask (EACCES, EPERM), the node is missing, native code cannot be loaded here (ENOSYS),
 *       the reply is malformed, or another I/O error: listed as not checked, with the reason.
 * </ul>
 */
public final class ModeSenseVolumes implements VolumeSource {
  static final String CHECK = "mode-sense-wp";

  /** Errnos of the pass-through ioctl that mean this user may not send the command: not checked. */
  private static final Set<String> NOT_PERMITTED = Set.of("EACCES", "EPERM");

  /** Errnos of opening a disk that mean this user or machine cannot ask it (ENOSYS: no native calls here). */
  private static final Set<String> NOT_HERE = Set.of("EACCES", "EPERM", "ENOSYS");

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
  public Reading read() throws IOException, OsCallException, IoctlFailedException {
    Reading r = base.read();
    List<Skipped> skipped = new ArrayList<>();
    List<DeviceRefusal> refused = new ArrayList<>(r.refused());
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
      volumes.add(scsi ? ask(v, skipped, refused) : v);
    }
    if (!asked) {
      skipped.add(new Skipped(CHECK, "no SCSI disks on this machine"));
    }
    return new Reading(volumes, skipped, refused);
  }

  private Volume ask(Volume v, List<Skipped> skipped, List<DeviceRefusal> refused)
      throws OsCallException, IoctlFailedException {
    Optional<Boolean> wp;
    Optional<Boolean> swp;
    try (ScsiDevice d = opener.open(v.device())) {
      Probe.Report report = Probe.run(d, 0x3f, new ArrayList<>());
      wp = report.mode().writeProtected();
      swp = report.controlPage().softwareWriteProtect();
    } catch (CommandFailedException e) {
      refused.add(new DeviceRefusal(v.device(), e.getMessage(), e.failure()));
      return v;
    } catch (NoSuchFileException e) {
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.getFile() + ": no such file or directory"));
      return v;
    } catch (MalformedInputException e) {
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.located()));
      return v;
    } catch (OsCallException e) {
      if (!NOT_HERE.contains(e.errnoName())) {
        throw e;
      }
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.getMessage()));
      return v;
    } catch (IoctlFailedException e) {
      if (!NOT_PERMITTED.contains(e.errnoName())) {
        throw e;
      }
      skipped.add(new Skipped(CHECK, v.device() + ": " + e.getMessage() + ": permission denied (not root?)"));
      return v;
    } catch (IOException e) {
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
