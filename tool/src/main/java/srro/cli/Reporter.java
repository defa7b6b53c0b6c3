package srro.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import srro.MalformedInputException;
import srro.os.OsCallException;
import srro.probe.IoctlFailedException;

/**
 * The one place where failures become a line on stderr and an exit status. Every message is
 * {@code srro: <what happened>}, one line; with -v the stack trace follows.
 */
public final class Reporter {
  private final PrintStream err;
  private final boolean verbose;

  Reporter(PrintStream err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  /** Reports {@code failure} and returns the exit status it maps to. */
  int report(Throwable failure) {
    Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
    ExitCode code = classify(t);
    err.println("srro: " + message(t, code));
    if (verbose) {
      t.printStackTrace(err);
    }
    return code.status();
  }

  static ExitCode classify(Throwable t) {
    if (t instanceof UsageException) {
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
