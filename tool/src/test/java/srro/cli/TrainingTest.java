package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The launcher's training run completes on its own inputs and prints nothing (it is never the user's run). */
class TrainingTest {
  @Test
  void runsTheShortCommandsSilently() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(seen, true, "UTF-8")) {
      System.setOut(capture);
      System.setErr(capture);
      Training.main(new String[0]);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", seen.toString("UTF-8"));
  }
}
