package srro.patch;

import srro.MalformedInputException;

/**
 * srro's transaction state in a tree ({@code .srro-patch}) or a journal in it is not what srro itself would
 * have made: a symbolic link, a file, a directory of another user or writable by others, a journal naming a
 * path outside the tree or a file srro does not generate. Nothing was touched; the message says why and how to
 * clear it. Exit 65.
 */
public final class StateRefusedException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public StateRefusedException(String source, String message) {
    super(source, -1, message);
  }
}
