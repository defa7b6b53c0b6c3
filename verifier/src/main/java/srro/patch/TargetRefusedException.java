package srro.patch;

import srro.MalformedInputException;

/**
 * A file srro would read, rewrite or back up in a tree is not one it may touch: a regular file with more than
 * one hard link (it may be a link planted to a file outside the tree, whose content would then be copied into
 * the tree and its backups). Nothing was touched; the message names the path and says why. Exit 65.
 */
public final class TargetRefusedException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public TargetRefusedException(String path, String message) {
    super(path, -1, message);
  }
}
