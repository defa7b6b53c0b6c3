package srro.cli;

/**
 * The command ran and said no (exit 1), with no result document of its own to say it in: a signed diff that does
 * not verify, a device that refused a command, a drive whose status is not as asked. The message is the one line
 * the reporter prints after {@code srro: }; under --json the reporter also writes an {@code srro-error/1}
 * document of kind {@code no}, unless the command wrapped the refusal in {@link FailureInDocument} because its own
 * document already carries it. Commands throw it; {@link Reporter} is the only place that prints it.
 */
public class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  public Refusal(String message) {
    super(message);
  }

  public Refusal(String message, Throwable cause) {
    super(message, cause);
  }
}
