package srro.os;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.Function;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;
import java.lang.ref.Cleaner;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;

/**
 * SHA-256 from the system's libcrypto (OpenSSL's EVP interface, through jffi), offered to every {@code
 * MessageDigest.getInstance("SHA-256")} of the process as the first provider. srro's JVM flags for patch keep
 * the JIT at C1, which has no SHA intrinsic: the JDK's SHA-256 runs at about 120 MB/s there, and hashing the
 * old and new content of a large patchset was a third of its plan (docs/benchmarks.md); libcrypto's uses the
 * CPU's SHA instructions. The digests are the JDK's bit for bit (NativeSha256Test compares them); where there
 * is no libcrypto (OpenBSD's LibreSSL is not tried), or it cannot be loaded, nothing changes.
 *
 * <p>{@link #startInBackground} loads it on a thread of its own while the caller goes on (loading jffi takes
 * about 80 ms): digests asked for before it is ready come from the JDK, as do all of them when it fails.
 */
public final class NativeSha256 {
  /** The provider's name, as {@code MessageDigest.getProvider().getName()} reports it. */
  public static final String PROVIDER = "SRRO-libcrypto";

  /** libcrypto's sonames, newest first: OpenSSL 3, then 1.1 (the first with EVP_MD_CTX_new). */
  private static final String[] LIBRARIES = {"libcrypto.so.3", "libcrypto.so.1.1"};

  /**
   * Bytes handed to one EVP_DigestUpdate, which jffi copies into native memory first: pinning the array
   * instead (JNI critical) made another thread's allocation fail with OutOfMemoryError on JDK 17's serial
   * collector, which cannot collect while an array is pinned.
   */
  static final int CHUNK = 64 << 10;

  private static final byte[] ABC = {'a', 'b', 'c'};
  private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  private NativeSha256() {}

  /** The bound functions of one loaded libcrypto. */
  private record Calls(long sha256, Function ctxNew, Function ctxFree, Function init, Function update,
      Function finish, Function copy) {}

  /** Set once, before the provider is installed; read by every digest after. */
  private static volatile Calls calls;

  private static volatile boolean started;

  /**
   * Starts loading libcrypto on a daemon thread, on Linux only, once per process; installs the provider when
   * it loaded and digested "abc" right. Nothing is reported: the JDK's SHA-256 is the fallback.
   */
  public static void startInBackground() {
    if (started || !"Linux".equals(System.getProperty("os.name"))) {
      return;
    }
    started = true;
    helper = srro.Threads.start("srro-libcrypto", NativeSha256::install).orElse(null);
  }

  private static volatile Thread helper;

  /**
   * Waits, at most {@code wait}, for the loading {@link #startInBackground} began: a command calls it before it
   * returns, so the JVM does not exit while jffi's stub is being unpacked.
   */
  public static void awaitLoaded(java.time.Duration wait) {
    Thread t = helper;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(Math.max(1, wait.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Loads libcrypto and installs the provider; false when it could not (and nothing was installed). */
  static boolean install() {
    if (!JffiStub.prepare()) {
      return false;
    }
    try {
      Calls c = load();
      if (c == null) {
        return false;
      }
      calls = c;
      if (!ABC_SHA256.equals(HexFormat.of().formatHex(new Spi().digestOf(ABC)))) {
        calls = null;
        return false;
      }
      Security.insertProviderAt(new SrroProvider(), 1);
      return true;
    } catch (LinkageError | RuntimeException | OutOfMemoryError e) {
      // no jffi stub for this machine, a TMPDIR it cannot load from, a libcrypto without these functions, no
      // thread for the cleaner (a thread limit): the JDK's SHA-256 stays
      calls = null;
      return false;
    } finally {
      JffiStub.cleanUp();
    }
  }

  private static Calls load() {
    for (String name : LIBRARIES) {
      Library lib = Library.getCachedInstance(name, Library.LAZY | Library.LOCAL);
      if (lib == null) {
        continue;
      }
      long sha = lib.getSymbolAddress("EVP_sha256");
      long ctxNew = lib.getSymbolAddress("EVP_MD_CTX_new");
      long ctxFree = lib.getSymbolAddress("EVP_MD_CTX_free");
      long init = lib.getSymbolAddress("EVP_DigestInit_ex");
      long update = lib.getSymbolAddress("EVP_DigestUpdate");
      long finish = lib.getSymbolAddress("EVP_DigestFinal_ex");
      long copy = lib.getSymbolAddress("EVP_MD_CTX_copy_ex");
      if (sha == 0 || ctxNew == 0 || ctxFree == 0 || init == 0 || update == 0 || finish == 0 || copy == 0) {
        continue;
      }
      Function evpSha256 = new Function(sha, Type.POINTER);
      long md = Invoker.getInstance().invokeAddress(evpSha256, new HeapInvocationBuffer(evpSha256));
      if (md == 0) {
        continue;
      }
      return new Calls(md, new Function(ctxNew, Type.POINTER), new Function(ctxFree, Type.VOID, Type.POINTER),
          new Function(init, Type.SINT, Type.POINTER, Type.POINTER, Type.POINTER),
          new Function(update, Type.SINT, Type.POINTER, Type.POINTER, Type.ULONG),
          new Function(finish, Type.SINT, Type.POINTER, Type.POINTER, Type.POINTER),
          new Function(copy, Type.SINT, Type.POINTER, Type.POINTER));
    }
    return null;
  }

  /** Whether the provider is installed and serves SHA-256 in this process. */
  static boolean installed() {
    try {
      return calls != null && PROVIDER.equals(MessageDigest.getInstance("SHA-256").getProvider().getName());
    } catch (NoSuchAlgorithmException e) {
      return false;
    }
  }

  private static final class SrroProvider extends Provider {
    private static final long serialVersionUID = 1L;

    SrroProvider() {
      super(PROVIDER, "1", "SHA-256 from the system's libcrypto");
      put("MessageDigest.SHA-256", Spi.class.getName());
    }
  }

  /**
   * Frees a context once its digest is unreachable. A holder, so its thread starts with the first digest (on the
   * helper thread, in {@link #install}'s self-test), not when a command calls {@link #startInBackground}.
   */
  private static final class Freeing {
    static final Cleaner CLEANER = Cleaner.create(srro.Threads.daemons("srro-libcrypto-free"));
  }

  /** One EVP_MD_CTX per MessageDigest, freed when the digest is collected. */
  public static final class Spi extends MessageDigestSpi implements Cloneable {
    private final Calls c;
    private final long ctx;

    public Spi() {
      this(calls);
      begin();
    }

    /** A digest with a new context, not yet initialised. */
    private Spi(Calls k) {
      if (k == null) {
        throw new IllegalStateException("libcrypto's SHA-256 is not loaded");
      }
      c = k;
      long x = Invoker.getInstance().invokeAddress(c.ctxNew(), new HeapInvocationBuffer(c.ctxNew()));
      if (x == 0) {
        throw new OutOfMemoryError("EVP_MD_CTX_new failed");
      }
      ctx = x;
      Freeing.CLEANER.register(this, () -> {
        HeapInvocationBuffer b = new HeapInvocationBuffer(k.ctxFree());
        b.putAddress(x);
        Invoker.getInstance().invokeLong(k.ctxFree(), b);
      });
    }

    /** A digest in this one's state (MessageDigest.clone: TLS and HMAC clone their running digests). */
    @Override
    public Object clone() {
      Spi s = new Spi(c);
      HeapInvocationBuffer b = new HeapInvocationBuffer(c.copy());
      b.putAddress(s.ctx);
      b.putAddress(ctx);
      check(Invoker.getInstance().invokeInt(c.copy(), b), "EVP_MD_CTX_copy_ex");
      java.lang.ref.Reference.reachabilityFence(this);
      java.lang.ref.Reference.reachabilityFence(s);
      return s;
    }

    private void begin() {
      HeapInvocationBuffer b = new HeapInvocationBuffer(c.init());
      b.putAddress(ctx);
      b.putAddress(c.sha256());
      b.putAddress(0);
      check(Invoker.getInstance().invokeInt(c.init(), b), "EVP_DigestInit_ex");
    }

    byte[] digestOf(byte[] data) {
      engineUpdate(data, 0, data.length);
      return engineDigest();
    }

    @Override
    protected void engineUpdate(byte input) {
      engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      java.util.Objects.checkFromIndexSize(offset, len, input.length);
      for (int done = 0; done < len; ) {
        int n = Math.min(CHUNK, len - done);
        HeapInvocationBuffer b = new HeapInvocationBuffer(c.update());
        b.putAddress(ctx);
        b.putArray(input, offset + done, n, ArrayFlags.IN); // copied: a pinned array starves the collector
        b.putLong(n);
        check(Invoker.getInstance().invokeInt(c.update(), b), "EVP_DigestUpdate");
        done += n;
      }
      java.lang.ref.Reference.reachabilityFence(this); // the cleaner must not free ctx during the call
    }

    @Override
    protected byte[] engineDigest() {
      byte[] md = new byte[32];
      HeapInvocationBuffer b = new HeapInvocationBuffer(c.finish());
      b.putAddress(ctx);
      b.putArray(md, 0, md.length, ArrayFlags.OUT);
      b.putAddress(0);
      check(Invoker.getInstance().invokeInt(c.finish(), b), "EVP_DigestFinal_ex");
      begin();
      java.lang.ref.Reference.reachabilityFence(this);
      return md;
    }

    @Override
    protected void engineReset() {
      begin();
      java.lang.ref.Reference.reachabilityFence(this);
    }

    @Override
    protected int engineGetDigestLength() {
      return 32;
    }

    private static void check(int ok, String call) {
      if (ok != 1) {
        throw new IllegalStateException(call + " failed");
      }
    }
  }
}
