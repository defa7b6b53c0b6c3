package srro.signify;

import java.util.Optional;

/**
 * signify's rules for key file names: {@code check_keyname_compliance} (NAME.pub with NAME.sec), the
 * signature comment {@code verify with NAME.pub}, and {@code check_keytype} (-t: NAME ends in -TYPE.pub).
 */
public final class KeyNaming {
  /** The default directory signify reads a key named by a signature comment from. */
  public static final String KEY_DIRECTORY = "/etc/signify";

  private KeyNaming() {}

  /** Checks that the secret key (and the public key, when given) follow the keyname.sec/keyname.pub scheme. */
  public static String checkCompliance(Optional<String> publicKeyFile, String secretKeyFile) throws KeyNameException {
    String sec = baseName(secretKeyFile);
    int len = sec.length();
    if (len < 5 || !sec.endsWith(".sec")) {
      throw bad();
    }
    if (publicKeyFile.isPresent()) {
      String pub = baseName(publicKeyFile.get());
      if (pub.length() != len || !pub.endsWith(".pub") || !pub.regionMatches(0, sec, 0, len - 4)) {
        throw bad();
      }
    }
    return sec;
  }

  /** The comment signify puts on a signature made with this secret key file ("-": from its comment). */
  public static String signatureComment(String secretKeyFile, String secretKeyComment) throws KeyNameException {
    if (secretKeyFile.equals("-")) {
      return "signature from " + secretKeyComment;
    }
    String sec = checkCompliance(Optional.empty(), secretKeyFile);
    return "verify with " + sec.substring(0, sec.length() - 4) + ".pub";
  }

  /** -t: the key name must end in {@code -TYPE.pub}. */
  public static void checkKeytype(String publicKeyFile, String keytype) throws KeyNameException {
    int dash = publicKeyFile.lastIndexOf('-');
    if (dash < 0 || !publicKeyFile.substring(dash + 1).equals(keytype + ".pub")) {
      throw new KeyNameException("incorrect keytype: " + publicKeyFile + " is not " + keytype);
    }
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static KeyNameException bad() {
    return new KeyNameException("please use naming scheme of keyname.pub and keyname.sec");
  }
}
