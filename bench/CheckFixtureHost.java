package srro.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import srro.MalformedInputException;
import srro.check.Skipped;
import srro.cli.Io;
import srro.cli.Main;
import srro.mounts.MountTable;
import srro.probe.IoctlFailedException;

/**
 * bench/check.sh's machine: a Linux host whose mount table, sysfs and blkid output are the fixture files in one
 * directory ({@code mountinfo}, {@code sys/}, {@code blkid}), handed to srro the way tests hand in a Host, so
 * `srro check` reads 200 mounts and 50 disks without a hidden option. Device names stay /dev/NAME (this
 * machine's /dev, which lacks them: fstab's names are then found in the blkid fixture or reported missing). Not part of srro: the script
 * compiles it against the jar at run time. Usage: {@code java -cp srro.jar:DIR srro.os.CheckFixtureHost FIXTURE
 * ARGS...}; ARGS may hold several srro command lines separated by {@code --then} (one JVM runs them all: the
 * start-up archive's training run).
 */
public final class CheckFixtureHost implements Host {
  private final Path root;

  private CheckFixtureHost(Path root) {
    this.root = root;
  }

  public static void main(String[] args) {
    Host host = new CheckFixtureHost(Path.of(args[0]));
    Io io = new Io(System.in, System.out, System.err, System.getenv());
    int status = 0;
    List<String> run = new ArrayList<>();
    for (String a : Arrays.asList(args).subList(1, args.length)) {
      if (a.equals("--then")) {
        status = Math.max(status, Main.run(run.toArray(String[]::new), io, host));
        run.clear();
      } else {
        run.add(a);
      }
    }
    status = Math.max(status, Main.run(run.toArray(String[]::new), io, host));
    System.exit(status);
  }

  @Override
  public Os os() {
    return Os.LINUX;
  }

  @Override
  public String osName() {
    return "Linux";
  }

  @Override
  public srro.scsi.transport.ScsiDevice openScsi(String path, Platform.Access access) throws IOException {
    throw new IOException(path + ": the fixture machine has no SCSI pass-through");
  }

  @Override
  public MountTable mounts(List<Skipped> skipped) throws IOException, MalformedInputException {
    Path p = root.resolve("mountinfo");
    return MountTable.parseMountinfo(p.toString(), Files.readAllBytes(p));
  }

  /** sysfs's ro flags, device-mapper names and slaves; no disk is asked MODE SENSE (there is no SG_IO here). */
  @Override
  public VolumeSource.Reading volumes(List<Skipped> skipped) throws OsCallException, IoctlFailedException {
    return Host.read(new SysfsVolumes(root.resolve("sys"), Path.of("/dev")), skipped);
  }

  @Override
  public SpecResolver resolver() {
    return new SpecResolver(Path.of("/dev"), Map.of());
  }

  @Override
  public srro.fstab.MachineFacts fstabNames() {
    Path blkid = root.resolve("blkid");
    return new FstabNames(Os.LINUX, resolver(), Path.of("/dev"), Path.of("/proc/filesystems"), null, null,
        false, () -> {
          try {
            return Files.readAllBytes(blkid);
          } catch (IOException e) {
            return null;
          }
        });
  }
}
