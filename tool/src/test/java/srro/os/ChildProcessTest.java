package srro.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
  @Test
  void returnsWhatTheProgramPrinted() {
    assertArrayEquals("hi\n".getBytes(StandardCharsets.US_ASCII), ChildProcess.stdout(100, "sh", "-c", "echo hi"));
    assertNull(ChildProcess.stdout(100, "sh", "-c", "echo hi; exit 3"), "a failing program's output does not count");
    assertNull(ChildProcess.stdout(100, "/nonexistent/program"));
  }

  @Test
  void outputAtTheLimitIsReturnedWithoutWaiting() {
    byte[] out = ChildProcess.stdout(10, "sh", "-c", "yes");
    assertEquals(10, out.length);
  }

  @Test
  void aProgramThatHangsWithItsOutputOpenIsStopped() {
    long start = System.nanoTime();
    assertNull(ChildProcess.stdout(100, "sh", "-c", "sleep 60"));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(seconds < 30, "stopped after " + seconds + " s");
  }
}
