package srro.cli;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One field of a command object as picocli's programmatic API binds it: what an annotated field gives picocli,
 * without the annotation. Reading a runtime annotation makes the JDK spin a proxy class per annotation type on
 * every run (no start-up archive holds them), which was a fifth of a short command's CPU (docs/benchmarks.md).
 */
public final class FieldRef implements IGetter, ISetter {
  private final Object owner;
  private final Field field;

  private FieldRef(Object owner, Field field) {
    this.owner = owner;
    this.field = field;
  }

  /**
   * Binds {@code builder} to field {@code name} of {@code owner}: its type, getter and setter, its value now as the
   * initial value picocli resets it to, and the label {@code <name>}, as picocli does for an annotated field
   * (the builder's own label wins when it sets one after this).
   */
  public static OptionSpec.Builder bind(OptionSpec.Builder builder, Object owner, String name) {
    FieldRef r = of(owner, name);
    return builder.type(r.field.getType()).getter(r).setter(r).initialValue(r.initialValue()).paramLabel(r.label());
  }

  /**
   * Option {@code names} bound to field {@code field} of {@code owner} (see {@link #bind(OptionSpec.Builder, Object,
   * String)}) with {@code description}: the shape every programmatic option shares; the caller adds what its
   * annotation adds beyond it (a label, {@code required}) and builds it.
   */
  public static OptionSpec.Builder option(Object owner, String field, String names, String... description) {
    return bind(OptionSpec.builder(names), owner, field).description(description);
  }

  /** {@link #bind(OptionSpec.Builder, Object, String)} for a positional parameter. */
  public static PositionalParamSpec.Builder bind(PositionalParamSpec.Builder builder, Object owner, String name) {
    FieldRef r = of(owner, name);
    return builder.type(r.field.getType()).getter(r).setter(r).initialValue(r.initialValue()).paramLabel(r.label());
  }

  private String label() {
    return "<" + field.getName() + ">";
  }

  /** Field {@code name} of {@code owner}, declared by its class or one it extends, as picocli finds fields. */
  private static FieldRef of(Object owner, String name) {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return new FieldRef(owner, f);
      } catch (NoSuchFieldException next) {
        // declared higher up, if at all
      }
    }
    throw new IllegalStateException("no field " + name + " in " + owner.getClass().getName());
  }

  private Object initialValue() {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // setAccessible(true) succeeded
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() throws IllegalAccessException {
    return (T) field.get(owner);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T set(T value) throws IllegalAccessException {
    Object old = field.get(owner);
    field.set(owner, value);
    return (T) old;
  }
}
