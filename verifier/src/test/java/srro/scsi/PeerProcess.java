package srro.scsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer program on a file of hex bytes and keeps its exit status and combined output. */
public record PeerProcess(int status, String output) {

  /** Writes {@code data} as plain hex (16 bytes a line, the form every sg3_utils version reads) to a file. */
  public static Path plainHex(Path dir, String name, byte[] data) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < data.length; i++) {
      sb.append(String.format("%02x", data[i] & 0xff)).append(i % 16 == 15 ? "\n" : " ");
    }
    Path p = dir.resolve(name + ".hex");
    Files.writeString(p, sb.append('\n').toString());
    return p;
  }

  public static PeerProcess run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new PeerProcess(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
