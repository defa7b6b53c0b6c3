package srro.cli.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.MalformedInputException;
import srro.cli.ExitCode;
import srro.cli.FailureInDocument;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.Reporter;
import srro.os.Host;
import srro.os.OsCallException;
import srro.os.Platform;
import srro.probe.IoctlFailedException;
import srro.probe.Probe;
import srro.scsi.transport.ScsiDevice;

/** {@code srro probe DEVICE...}: is each device write-protected, and do all layers agree? */
@Command(
    name = "probe",
    sortOptions = false,
    description = {
      "Ask SCSI devices whether they are write-protected and compare every layer's answer:",
      "the open mode, INQUIRY, the WP bit from MODE SENSE(6) (or (10) if (6) fails),",
      "the control mode page's SWP bit (a write protection of its own) and the OS's read-only flag.",
      "The verdict names the layers that protect.",
      "Exit 0 when the state is known, 1 when layers disagree or a device refused a command, 71 when an ioctl"
          + " failed."
    })
public final class ProbeCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "DEVICE",
      description = "Device nodes (/dev/sda, /dev/sg0, /dev/rsd0c).")
  List<String> devices;

  @Option(
      names = "--page",
      paramLabel = "CODE",
      description = "Mode page to ask for (default 0x3f, all pages; 0 is what OpenBSD sd(4) asks for).",
      converter = PageCodeConverter.class)
  int pageCode = 0x3f;

  @Option(names = "--json", description = "Print one JSON document (schema srro-probe/1) instead of text.")
  boolean json;

  private final Io io;
  private final Host host;

  ProbeCommand(Io io, Host host) {
    this.io = io;
    this.host = host;
  }

  @Override
  public Integer call() throws Exception {
    List<Object> results = new ArrayList<>();
    Exception failure = null;
    ExitCode worst = ExitCode.OK;
    for (String path : devices) {
      if (StackProbe.handles(host, path)) {
        var stack = StackProbe.run(host, path);
        if (stack.isPresent()) {
          if (json) {
            results.add(ProbeJson.stack(stack.get()));
          } else {
            ProbeText.stack(io.out(), stack.get());
          }
          worst = stack.get().findings().isEmpty() ? worst : ExitCode.NO;
          continue;
        }
      }
      Attempt a = new Attempt();
      try {
        Probe.Report r = probe(path, a);
        if (json) {
          results.add(ProbeJson.report(r));
        } else {
          ProbeText.report(io.out(), r);
        }
        if (!r.verdict().known()) {
          worst = ExitCode.NO;
        }
      } catch (OsCallException | IoctlFailedException | IOException | MalformedInputException e) {
        failure = failure == null ? e : failure;
        if (json) {
          results.add(ProbeJson.failure(path, a.openMode, a.steps, Reporter.error(e)));
        } else {
          a.steps.forEach(s -> io.out().println(path + ": " + ProbeText.step(s)));
          if (devices.size() > 1) {
            io.out().println(path + ": error: " + Reporter.describe(e));
          }
        }
      }
    }
    if (json) {
      io.out().println(Json.document(ProbeJson.SCHEMA).put("devices", results));
    }
    if (failure != null) {
      // the first failure decides the exit status; the others were printed above (with --json, in the document)
      throw json ? new FailureInDocument(failure) : failure;
    }
    return worst.status();
  }

  /** How far the probe of one device got, for reporting a failure part-way. */
  private static final class Attempt {
    String openMode = "";
    final List<Probe.Step> steps = new ArrayList<>();
  }

  private Probe.Report probe(String path, Attempt a)
      throws IOException, OsCallException, IoctlFailedException, MalformedInputException {
    try (ScsiDevice device = host.openScsi(path, Platform.Access.PREFER_READ_WRITE)) {
      a.openMode = device.mode().describe();
      if (!json) {
        io.out().println(path + ": open " + a.openMode);
      }
      return Probe.run(device, pageCode, a.steps);
    }
  }
}
