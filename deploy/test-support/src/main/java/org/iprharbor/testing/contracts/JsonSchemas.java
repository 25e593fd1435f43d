package org.iprharbor.testing.contracts;

import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * JSON Schema (draft-07) validation over documents held in memory: every {@code $ref} resolves to one of them or to
 * a definition bundled inside one, nothing is fetched from the network, and {@code format} is asserted (a
 * {@code uuid} or {@code date-time} that is not one is a violation, not a note).
 */
final class JsonSchemas {

    private final SchemaRegistry registry;

    /** @param documents JSON text of each document, by the IRI its schemas are addressed with */
    JsonSchemas(Map<String, String> documents) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(config)
                .schemas(documents));
    }

    /**
     * Validates JSON text against the schema at {@code location} (an IRI, with a JSON pointer fragment for a schema
     * inside a document) and returns each violation as "instance path: message".
     */
    List<String> validate(String location, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of(location));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(error -> pathOf(error) + ": " + error.getMessage()).toList();
    }

    private static String pathOf(Error error) {
        String path = error.getInstanceLocation().toString();
        return path.isEmpty() ? "$" : path;
    }
}
