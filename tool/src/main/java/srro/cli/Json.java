package srro.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for --json output: objects keep insertion order, output is one document per line.
 * Values may be null, Boolean, Number, CharSequence, {@link Json.Obj}, Map, or Iterable of those; an enum is
 * written as its name in lower case (snake_case). The contract every document follows is docs/json.md: a
 * {@code schema} key first, snake_case keys, numbers as numbers, and every key always present (null when the
 * value does not apply or is not known).
 */
public final class Json {
  private Json() {}

  /** A JSON object under construction; {@code put} returns this for chaining. */
  public static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Obj put(String key, Object value) {
      fields.put(key, value);
      return this;
    }

    /** Copies every field of {@code other}, in its order. */
    public Obj putAll(Obj other) {
      fields.putAll(other.fields);
      return this;
    }

    @Override
    public String toString() {
      return write(this);
    }
  }

  public static Obj object() {
    return new Obj();
  }

  /** A top-level document: {@code "schema": "srro-<name>/<version>"} first (docs/schema/). */
  public static Obj document(String schema) {
    return new Obj().put("schema", schema);
  }

  /** An unsigned 64-bit field (LBAs, logical object numbers) as a JSON number, never negative. */
  public static java.math.BigInteger unsigned(long v) {
    return new java.math.BigInteger(Long.toUnsignedString(v));
  }

  public static List<Object> array() {
    return new ArrayList<>();
  }

  /** Renders {@code value} as compact JSON. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof java.util.Optional<?> o) {
      append(sb, o.orElse(null));
    } else if (v instanceof java.util.OptionalInt o) {
      append(sb, o.isPresent() ? o.getAsInt() : null);
    } else if (v instanceof Number n) {
      sb.append(n);
    } else if (v instanceof Obj o) {
      appendMap(sb, o.fields);
    } else if (v instanceof Map<?, ?> m) {
      appendMap(sb, m);
    } else if (v instanceof Iterable<?> it) {
      sb.append('[');
      boolean first = true;
      for (Object e : it) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        append(sb, e);
      }
      sb.append(']');
    } else if (v instanceof Enum<?> e) {
      string(sb, e.name().toLowerCase(java.util.Locale.ROOT));
    } else {
      string(sb, v.toString());
    }
  }

  private static void appendMap(StringBuilder sb, Map<?, ?> m) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, String.valueOf(e.getKey()));
      sb.append(':');
      append(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
