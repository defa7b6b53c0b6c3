package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import srro.MalformedInputException;
import srro.kit.KitFormatException;
import srro.fstab.MachineFacts;
import srro.os.FakeOpenBsd;
import srro.os.Host;
import srro.os.OsCallException;
import srro.probe.CannedDevice;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Reply;
import srro.signify.SignifyFormatException;

/** One case per row of docs/exit-status.md, and the table itself matches {@link ExitCode}. */
class ExitCodeTest {

  static final class BadBytes extends MalformedInputException {
    private static final long serialVersionUID = 1L;

    BadBytes() {
      super("key.pub", 12, "invalid base64 in public key");
    }
  }

  private static String reported(Throwable t, int expected, boolean verbose) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int status = new Reporter(new PrintStream(buf, true, StandardCharsets.UTF_8), verbose, null, null).report(t);
    assertEquals(expected, status, () -> "status for " + t);
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void okIsZero() {
    assertEquals(0, CliRun.of("--version").status());
  }

  @Test
  void usageErrorsAreTwoWithOneLineAndAHint() {
    CliRun r = CliRun.of("--no-such-flag");
    assertEquals(2, r.status(), r::toString);
    assertEquals(2, r.err().lines().count(), r::toString);
    assertTrue(r.err().contains("try 'srro --help'"), r::toString);
  }

  @Test
  void checkSaidNoIsOne() {
    assertEquals(1, ExitCode.NO.status());
  }

  @Test
  void malformedInputIsSixtyFiveAndNamesTheOffset() {
    String line = reported(new BadBytes(), 65, false);
    assertEquals("srro: key.pub at offset 12: invalid base64 in public key\n", line);
  }

  static final class BadLine extends MalformedInputException {
    private static final long serialVersionUID = 1L;

    BadLine(String source, long line, String message) {
      super(source, line, message);
    }

    @Override
    public boolean lineNumbered() {
      return true;
    }
  }

  @Test
  void aLineOrientedInputIsNamedFileColonLine() {
    assertEquals("srro: kit.diff:14: hunk #2 ends early\n",
        reported(new BadLine("kit.diff", 14, "hunk #2 ends early"), 65, false));
  }

  @Test
  void aMessageThatSaysItNamesItsInputIsNotPrefixedAgain() {
    assertEquals("srro: ORIGINALS:3: expected a comment\n",
        reported(new KitFormatException("ORIGINALS", 3, "ORIGINALS:3: expected a comment"), 65, false));
    assertEquals("srro: unable to parse m.sig\n",
        reported(SignifyFormatException.inSignifyWords("m.sig", 57, "unable to parse m.sig"), 65, false));
  }

  @Test
  void aMessageThatMerelyContainsItsInputsNameIsStillLocated() {
    assertEquals("srro: m.sig at offset 57: m.sig is not a key\n", reported(new MalformedInputException("m.sig", 57,
        "m.sig is not a key") {
          private static final long serialVersionUID = 1L;
        }, 65, false));
  }

  @Test
  void missingInputIsSixtySix() {
    String line = reported(new NoSuchFileException("/nonexistent/x"), 66, false);
    assertEquals("srro: /nonexistent/x: no such file or directory\n", line);
  }

  @Test
  void bugIsSeventyAndSaysSo() {
    String line = reported(new IllegalStateException("boom"), 70, false);
    assertTrue(line.startsWith("srro: internal error"), line);
    assertEquals(1, line.lines().count());
  }

  @Test
  void osCallFailureIsSeventyOne() {
    String line = reported(new OsCallException("open /dev/sda", 30, "EROFS", "read-only file system"), 71, false);
    assertEquals("srro: open /dev/sda: read-only file system (EROFS)\n", line);
  }

  @Test
  void ioErrorIsSeventyFour() {
    reported(new IOException("write failed: no space left on device"), 74, false);
  }

  @Test
  void verbosePrintsTheStackTraceAndQuietDoesNot() {
    assertTrue(reported(new IOException("x"), 74, true).contains("\tat "));
    assertFalse(reported(new IOException("x"), 74, false).contains("\tat "));
  }

  /** A machine whose every device answers each command with {@code reply}. */
  private static Host answering(Reply reply) {
    return new Host.Other(Host.Os.LINUX, "Linux", (path, access) -> new CannedDevice(path, OpenMode.readWrite(),
        Map.of(CannedDevice.INQUIRY, reply, SECURITY_PROTOCOL_IN, reply), List.of()));
  }

  private static final int SECURITY_PROTOCOL_IN = 0xa2;

  /** issue #11: a device that refuses a command is a "no" with the same line in probe and in tape. */
  @Test
  void aDeviceRefusingACommandIsOneWithTheSameLineInProbeAndTape() {
    Host host = answering(CannedDevice.illegalRequest(0x20));
    Pattern shape = Pattern.compile("srro: /dev/sg0: (?:[a-z ]+: )?[A-Z][^:]* failed at the"
        + " scsi_status layer \\(CHECK_CONDITION\\): check condition: ILLEGAL REQUEST: Invalid command operation"
        + " code \\(asc 0x20, ascq 0x00\\)\n");
    for (String[] args : List.of(new String[] {"probe", "/dev/sg0"}, new String[] {"tape", "status", "/dev/sg0"},
        new String[] {"tape", "caps", "/dev/sg0"})) {
      CliRun r = CliRun.on(host, args);
      assertEquals(1, r.status(), r::toString);
      assertTrue(shape.matcher(r.err()).matches(), r::toString);
    }
    CliRun json = CliRun.on(host, "probe", "--json", "/dev/sg0");
    assertEquals("no", JsonContract.validate(json).get(0).at("/devices/0/error/kind").asText(), json::toString);
  }

  /** The ioctl itself failing is the OS's failure, 71, in probe and in tape. */
  @Test
  void anIoctlThatFailsIsSeventyOneInProbeAndTape() {
    Host host = answering(CannedDevice.errno(5, "EIO"));
    for (String[] args : List.of(new String[] {"probe", "/dev/sg0"}, new String[] {"tape", "status", "/dev/sg0"})) {
      CliRun r = CliRun.on(host, args);
      assertEquals(71, r.status(), r::toString);
      assertTrue(r.err().startsWith("srro: ") && r.err().contains("EIO"), r::toString);
    }
  }

  /** issue #11 in check: the refusal is an error finding (exit 1) with the line probe prints for it. */
  @Test
  void aDeviceRefusingACommandIsOneInCheckWithTheLineProbePrints() {
    Host host = openBsdAnswering(CannedDevice.illegalRequest(0x20));
    CliRun probe = CliRun.on(host, "probe", "/dev/rsd0c");
    assertEquals(1, probe.status(), probe::toString);
    CliRun check = CliRun.on(host, "check", "--fstab", "/dev/null");
    assertEquals(1, check.status(), check::toString);
    String line = probe.err().substring("srro: ".length()).strip();
    assertTrue(line.startsWith("/dev/rsd0c: INQUIRY failed at the scsi_status layer (CHECK_CONDITION)"), line);
    assertTrue(check.out().contains("      E " + line + " [device-refused-command]\n"), check::toString);
    assertEquals("", check.err(), check::toString);
  }

  /** ... and the ioctl itself failing is 71 in check too, with the one line probe prints. */
  @Test
  void anIoctlThatFailsIsSeventyOneInCheckAsInProbe() {
    Host host = openBsdAnswering(CannedDevice.errno(5, "EIO"));
    CliRun probe = CliRun.on(host, "probe", "/dev/rsd0c");
    CliRun check = CliRun.on(host, "check", "--fstab", "/dev/null");
    assertEquals(71, probe.status(), probe::toString);
    assertEquals(71, check.status(), check::toString);
    assertEquals(probe.err(), check.err(), check::toString);
  }

  /** An OpenBSD machine with one disk, sd0, that answers every command with {@code reply}. */
  private static Host openBsdAnswering(Reply reply) {
    FakeOpenBsd m = new FakeOpenBsd().disknames("sd0:3eb7f9da875cb9ee");
    return new Host.OpenBsd(m::volumes, m::mounts, (path, access) -> new CannedDevice(path, OpenMode.readWrite(),
        Map.of(CannedDevice.INQUIRY, reply), List.of()), (resolver, known) -> MachineFacts.NONE);
  }

  @Test
  void aRefusalIsOneAndItsMessage() {
    assertEquals("srro: m.sig: signature verification failed\n",
        reported(new Refusal("m.sig: signature verification failed"), 1, false));
  }

  @Test
  void aUsageErrorPointsAtTheCommandsHelp() {
    CliRun r = CliRun.of("tape", "status");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().endsWith("\ntry 'srro tape status --help'\n"), r::toString);
  }

  /** CommandGroup: a bare group prints its usage on standard output and exits 2. */
  @Test
  void aBareGroupPrintsItsUsageAndExitsTwo() {
    for (String[] args : List.of(new String[0], new String[] {"decode"}, new String[] {"tape"},
        new String[] {"kit"})) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.out().startsWith("Usage: srro" + (args.length == 0 ? "" : " " + args[0]) + " "), r::toString);
      assertEquals("", r.err(), r::toString);
    }
  }

  @Test
  void documentedTableMatchesTheEnum() throws IOException {
    Path doc = Path.of("..", "docs", "exit-status.md");
    Map<Integer, String> rows = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| `(\\w+)` \\|").matcher(Files.readString(doc));
    while (m.find()) {
      rows.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    Map<Integer, String> expected = new LinkedHashMap<>();
    Arrays.stream(ExitCode.values()).forEach(c -> expected.put(c.status(), c.name()));
    assertEquals(expected, rows);
  }
}
