package srro.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A file's bytes as lines (ISO-8859-1 chars, one per byte), each keeping its '\n'; the last may lack it. */
final class Lines {
  private Lines() {}

  static List<String> of(byte[] content) {
    String s = new String(content, StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>();
    int from = 0;
    int n = s.length();
    while (from < n) {
      int nl = s.indexOf('\n', from);
      int end = nl < 0 ? n : nl + 1;
      out.add(s.substring(from, end));
      from = end;
    }
    return out;
  }

  static byte[] bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
