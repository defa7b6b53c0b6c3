package srro.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import srro.cli.CliRun;
import srro.cli.JsonContract;
import srro.os.Host;
import srro.probe.CannedDevice;
import srro.probe.Probe;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;

/** srro probe --json against docs/schema/srro-probe.json and its golden files, success and failure. */
class ProbeJsonTest {
  private static CliRun run(Map<String, CannedDevice> devices, String... args) {
    return CliRun.on(new Host.Other(Host.Os.LINUX, "Linux", (path, access) -> {
      CannedDevice d = devices.get(path);
      if (d == null) {
        throw new NoSuchFileException(path);
      }
      return d;
    }), args);
  }

  private static CannedDevice disk(String path, int deviceSpecific, ReadOnlyFlag kernel) {
    return new CannedDevice(path, new OpenMode(true, "EROFS"), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(deviceSpecific)), List.of(kernel));
  }

  private static final ReadOnlyFlag RO = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_ONLY, "1");
  private static final ReadOnlyFlag RW = new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.READ_WRITE, "0");

  @Test
  void aProtectedAndADisagreeingDiskAreOneProbeDocument() {
    CliRun r = run(Map.of("/dev/sda", disk("/dev/sda", 0x80, RO), "/dev/sdb", disk("/dev/sdb", 0x80, RW)),
        "probe", "--json", "/dev/sda", "/dev/sdb");
    assertEquals(1, r.status(), r.toString());
    JsonContract.assertGolden("probe-disagree", r, JsonContract.volatiles(Path.of("/nonexistent")));
  }

  @Test
  void aFailedCommandIsTheDevicesErrorInsideTheProbeDocument() {
    CannedDevice bad = new CannedDevice("/dev/sg3", OpenMode.readWrite(),
        Map.of(CannedDevice.INQUIRY, CannedDevice.didError()), List.of());
    CliRun r = run(Map.of("/dev/sg3", bad, "/dev/sda", disk("/dev/sda", 0x80, RO)),
        "probe", "--json", "/dev/sg3", "/dev/sda", "/dev/nothing");
    assertEquals(1, r.status(), r.toString());
    JsonContract.assertGolden("probe-failed", r, JsonContract.volatiles(Path.of("/nonexistent")));
  }
}
