package srro.kit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kits built into srro: the build copies {@code patches/openbsd-*} (the source of truth) to
 * {@code srro/kit/kits/} on the class path, so a kit is found without a checkout or SRRO_HOME. Read from the
 * classes directory (tests) or from inside the jar, the same bytes.
 */
public final class KitResources {
  static final String ROOT = "/srro/kit/kits/";

  private KitResources() {}

  /** Loads the built-in kit {@code id}. */
  public static Kit load(KitId id) throws IOException, KitFormatException {
    String dir = ROOT + id.directory();
    URL originals = KitResources.class.getResource(dir + "/ORIGINALS");
    if (originals == null) {
      throw new NoSuchFileException(dir, null, "kit " + id.directory() + " is not in this build of srro");
    }
    URI uri;
    try {
      uri = originals.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(originals + ": not a usable resource location", e);
    }
    if (uri.getScheme().equals("jar")) {
      FileSystem fs;
      boolean opened = false;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
      }
      try {
        return Kit.load(fs.getPath(dir), "kit " + id.directory());
      } finally {
        if (opened) {
          fs.close();
        }
      }
    }
    return Kit.load(Path.of(uri).getParent(), "kit " + id.directory());
  }
}
