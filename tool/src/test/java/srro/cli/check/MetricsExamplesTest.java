package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.testing.Peer;

/**
 * contrib/metrics: the systemd units pass systemd-analyze verify, and the srro command line of every example
 * (service, daily.local, crontab) runs and writes a metrics file.
 */
class MetricsExamplesTest {
  static final Path DIR = Path.of("../contrib/metrics");
  static final Pattern SRRO = Pattern.compile("/usr/local/bin/srro (check --prometheus (\\S+))");

  @TempDir Path tmp;

  @Test
  void theSystemdUnitsVerify() throws Exception {
    Path analyze = Peer.require("systemd-analyze", "systemd");
    Path srro = tmp.resolve("srro");
    Files.writeString(srro, "#!/bin/sh\nexit 0\n");
    srro.toFile().setExecutable(true);
    for (String unit : List.of("srro-check.service", "srro-check.timer")) {
      Files.writeString(tmp.resolve(unit), Files.readString(DIR.resolve(unit)).replace("/usr/local/bin/srro",
          srro.toString()));
    }
    Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no",
        tmp.resolve("srro-check.service").toString(), tmp.resolve("srro-check.timer").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.lines().noneMatch(l -> l.contains("srro-check")), out);
  }

  @Test
  void everyExampleRunsSrroCheckAndWritesTheMetricsFile() throws Exception {
    for (String example : List.of("srro-check.service", "daily.local", "crontab")) {
      Matcher m = SRRO.matcher(Files.readString(DIR.resolve(example)));
      assertTrue(m.find(), example + " runs srro check --prometheus");
      Path out = tmp.resolve(example + ".prom");
      List<String> args = new ArrayList<>(Arrays.asList(m.group(1).replace(m.group(2), out.toString()).split(" ")));
      args.addAll(List.of("--fstab", Files.writeString(tmp.resolve("fstab"), "/dev/sd0a / ffs rw 1 1\n").toString(),
          "--mounts", CheckMetricsTest.MOUNTS.toString()));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.status(), example + ": " + r);
      assertTrue(Files.readString(out).contains("# TYPE srro_check_ok gauge\nsrro_check_ok 1\n"), example);
    }
  }
}
