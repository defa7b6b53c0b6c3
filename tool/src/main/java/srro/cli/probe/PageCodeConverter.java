package srro.cli.probe;

import picocli.CommandLine;

/** A mode page code, 0..0x3f, in decimal or with a 0x prefix. */
final class PageCodeConverter implements CommandLine.ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int code;
    try {
      code = value.startsWith("0x") || value.startsWith("0X")
          ? Integer.parseInt(value.substring(2), 16)
          : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a mode page code (0..0x3f)");
    }
    if (code < 0 || code > 0x3f) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a mode page code (0..0x3f)");
    }
    return code;
  }
}
