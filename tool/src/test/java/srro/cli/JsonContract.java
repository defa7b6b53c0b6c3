package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The --json contract of docs/json.md, checked on what srro really printed: every stdout line is one document
 * whose {@code schema} names a file under docs/schema/ and which that JSON Schema (draft 2020-12, validated by
 * networknt's validator) accepts; every key is snake_case. {@link #assertGolden} compares the documents, with
 * volatile values (host name, temporary paths) replaced, with a golden file under
 * src/test/resources/srro/cli/json/; run with {@code -Dsrro.golden=update} to rewrite them.
 */
public final class JsonContract {
  public static final Path SCHEMAS = Path.of("../docs/schema");
  static final Path GOLDEN = Path.of("src/test/resources/srro/cli/json");
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern SCHEMA_ID = Pattern.compile("(srro-[a-z]+(?:-[a-z]+)*)/([1-9][0-9]*)");

  private JsonContract() {}

  /** Parses every stdout line of {@code r} and validates it against the schema it names; returns them. */
  public static List<JsonNode> validate(CliRun r) {
    List<JsonNode> docs = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      JsonNode doc;
      try {
        doc = MAPPER.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("not one JSON document per line: " + line + "\n" + r, e);
      }
      assertTrue(doc.isObject(), "a document is an object: " + line);
      JsonNode id = doc.get("schema");
      assertTrue(id != null && id.isTextual(), "every document names its schema first: " + line);
      assertEquals("schema", doc.fieldNames().next(), "schema is the first key: " + line);
      List<Error> errors = schema(id.asText()).validate(doc);
      if (!errors.isEmpty()) {
        fail(id.asText() + " rejects the document:\n  " + String.join("\n  ", errors.stream().map(Error::toString)
            .toList()) + "\n" + line);
      }
      snakeCase(doc, "$");
      docs.add(doc);
    }
    assertTrue(!docs.isEmpty(), "no JSON document on stdout:\n" + r);
    return docs;
  }

  /** The schema {@code id} ("srro-check/2") names: docs/schema/srro-check.json, whose const must match. */
  public static Schema schema(String id) {
    var m = SCHEMA_ID.matcher(id);
    assertTrue(m.matches(), "schema ids are srro-<name>/<version>: " + id);
    return LOADED.computeIfAbsent(id, k -> {
      Path file = SCHEMAS.resolve(m.group(1) + ".json");
      assertTrue(Files.isRegularFile(file), "no schema file " + file + " for " + id);
      try {
        JsonNode node = MAPPER.readTree(file.toFile());
        assertEquals(id, node.at("/properties/schema/const").asText(), file + " describes another version");
        return REGISTRY.getSchema(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void snakeCase(JsonNode n, String where) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertTrue(SNAKE.matcher(e.getKey()).matches(), "key " + where + "." + e.getKey() + " is not snake_case");
        snakeCase(e.getValue(), where + "." + e.getKey());
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        snakeCase(e, where + "[]");
      }
    }
  }

  /**
   * Validates {@code r}'s documents and compares them and its exit status with golden file {@code name}.json;
   * each key of {@code volatiles} (a temporary directory, the host name) is replaced by its value first.
   */
  public static void assertGolden(String name, CliRun r, Map<String, String> volatiles) {
    validate(r);
    String out = r.out();
    for (Map.Entry<String, String> v : volatiles.entrySet()) {
      out = out.replace(v.getKey(), v.getValue());
    }
    ObjectNode golden = MAPPER.createObjectNode();
    golden.put("exit_status", r.status());
    ArrayNode docs = golden.putArray("stdout");
    try {
      for (String line : out.split("\n")) {
        if (!line.isEmpty()) {
          docs.add(MAPPER.readTree(line));
        }
      }
      String text = MAPPER.writeValueAsString(golden) + "\n";
      Path file = GOLDEN.resolve(name + ".json");
      if ("update".equals(System.getProperty("srro.golden"))) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.isRegularFile(file), file + " is missing: run the test with -Dsrro.golden=update");
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), text, name + ": output differs from " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The usual volatiles: {@code dir} as $TMP, this machine's name as $HOST, the checkout as $SRC. */
  public static Map<String, String> volatiles(Path dir) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(dir.toString(), "$TMP");
    v.put(Path.of("..").toAbsolutePath().normalize().toString(), "$SRC");
    v.put("\"host\":\"" + srro.cli.check.CheckCommand.thisHost() + "\"", "\"host\":\"$HOST\"");
    return v;
  }
}
