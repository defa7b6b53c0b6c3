package srro.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import srro.MalformedInputException;
import srro.os.OsCallException;
import srro.probe.CommandFailedException;
import srro.probe.IoctlFailedException;

/**
 * The one place where failures become a line on stderr and an exit status, and the only code that writes
 * {@code srro: }. Every message is {@code srro: <what happened>}, one line (a usage error adds a pointer to
 * --help); with -v the stack trace follows. Under --json the same failure is
 * also one {@code srro-error/1} document on stdout (docs/json.md): kind, exit status, message, input, line or
 * offset.
 */
public final class Reporter {
  /** The schema of the error document. */
  public static final String ERROR_SCHEMA = "srro-error/1";

  private final PrintStream err;
  private final boolean verbose;
  private final PrintStream json;
  private final String command;

  /** With {@code json} non-null, every failure is also an error document there, naming {@code command}. */
  Reporter(PrintStream err, boolean verbose, PrintStream json, String command) {
    this.err = err;
    this.verbose = verbose;
    this.json = json;
    this.command = command;
  }

  /**
   * Reports {@code failure} and returns the exit status it maps to: a {@link Refusal} is 1, a usage error 2 with
   * a pointer to --help, and so on down {@link #classify}. A {@link FailureInDocument} is printed on stderr only.
   */
  int report(Throwable failure) {
    Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    boolean inDocument = t instanceof FailureInDocument;
    if (inDocument) {
      t = t.getCause();
    }
    ExitCode code = classify(t);
    line(err, message(t, code));
    if (code == ExitCode.USAGE && command != null) {
      err.println("try '" + command + " --help'");
    }
    if (json != null && !inDocument) {
      json.println(document(command, error(t)));
    }
    if (verbose) {
      t.printStackTrace(err);
    }
    return code.status();
  }

  /** A warning that does not change the exit status: {@code srro: warning: <message>} on {@code err}. */
  public static void warning(PrintStream err, String message) {
    line(err, "warning: " + message);
  }

  /** The one place that writes the {@code srro: } prefix. */
  private static void line(PrintStream err, String message) {
    err.println("srro: " + message);
  }

  /** The error object of {@code t}: kind, exit_status, message, input, line, offset (docs/json.md). */
  public static Json.Obj error(Throwable t) {
    ExitCode code = classify(t);
    String input = null;
    long at = -1;
    boolean lines = false;
    if (t instanceof MalformedInputException m) {
      input = m.source().isEmpty() ? null : m.source();
      at = m.offset();
      lines = m.lineNumbered();
    } else if (t instanceof java.nio.file.FileSystemException f) {
      input = f.getFile();
    }
    return error(code, message(t, code), input, at, lines);
  }

  /** The error object of a "no" (exit 1): {@code error(new Refusal(message))}. */
  public static Json.Obj refusal(String message) {
    return error(new Refusal(message));
  }

  private static Json.Obj error(ExitCode code, String message, String input, long at, boolean lines) {
    return Json.object()
        .put("kind", code)
        .put("exit_status", code.status())
        .put("message", message)
        .put("input", input)
        .put("line", lines && at >= 0 ? at : null)
        .put("offset", !lines && at >= 0 ? at : null);
  }

  private static Json.Obj document(String command, Json.Obj error) {
    return Json.document(ERROR_SCHEMA).put("srro_command", command).putAll(error);
  }

  static ExitCode classify(Throwable t) {
    if (t instanceof Refusal || t instanceof CommandFailedException) {
      return ExitCode.NO; // a device refusing a command says no, in probe as in tape (docs/exit-status.md)
    }
    if (t instanceof UsageException || t instanceof CommandLine.ParameterException) {
      return ExitCode.USAGE;
    }
    if (t instanceof MalformedInputException) {
      return ExitCode.DATAERR;
    }
    if (t instanceof NoSuchFileException
        || t instanceof FileNotFoundException
        || t instanceof AccessDeniedException
        || t instanceof NotDirectoryException
        || t instanceof CannotOpenException) {
      return ExitCode.NOINPUT;
    }
    if (t instanceof OsCallException || t instanceof IoctlFailedException) {
      return ExitCode.OSERR;
    }
    if (t instanceof IOException) {
      return ExitCode.IOERR;
    }
    return ExitCode.SOFTWARE;
  }

  /** The one-line description the reporter would print for {@code t}, without the "srro: " prefix. */
  public static String describe(Throwable t) {
    return message(t, classify(t));
  }

  private static String message(Throwable t, ExitCode code) {
    if (t instanceof MalformedInputException m) {
      return m.located();
    }
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + ": no such file or directory";
    }
    if (t instanceof AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    if (t instanceof NotDirectoryException e) {
      return e.getFile() + ": not a directory";
    }
    if (code == ExitCode.SOFTWARE) {
      return "internal error (a bug in srro, please report it with -v output): " + t;
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
