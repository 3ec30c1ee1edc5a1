package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kdumpsim.scenarios.load.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    /** The copy editors reach through the examples' {@code # yaml-language-server: $schema=} comment. */
    private static final Path COMMITTED = Path.of("src/main/resources/dev/kdumpsim/scenarios/scenario.schema.json");

    private static JsonSchema schema() throws Exception {
        JsonNode node = new ObjectMapper().readTree(JsonSchemas.scenarioSchema());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
    }

    @Test
    void schemaTextIsDeterministicAndCommitted() throws Exception {
        String a = JsonSchemas.scenarioSchema();
        assertEquals(a, JsonSchemas.scenarioSchema());
        if (Boolean.getBoolean("kdumpsim.updateSchema")) {
            Files.writeString(COMMITTED, a);
        }
        assertEquals(Files.readString(COMMITTED), a,
                "regenerate with -Dkdumpsim.updateSchema=true after changing the model");
        JsonNode root = new ObjectMapper().readTree(a);
        assertEquals("http://json-schema.org/draft-07/schema#", root.get("$schema").asText());
        assertFalse(root.get("additionalProperties").asBoolean());
        JsonNode smmuDriver = root.at("/properties/kernels/properties/first/properties/smmuDriver");
        assertEquals(6, smmuDriver.get("enum").size(), "4.16, 4.19, 5.2, kdump-adopt, kdump-adopt-v7, fresh-tables-no-reset");
        assertTrue(smmuDriver.get("default") == null, "no default: absent means the release's policy");
        assertTrue(root.at("/properties/kernels/properties/kdump/properties/version/type").isTextual());
        assertTrue(root.at("/properties/platform/properties/pcie/properties/topology/properties/endpoints/items/properties/bdf/pattern").isTextual());
        assertEquals(16, root.at("/properties/platform/properties/smmu/properties/sidSizeBits/default").asInt());
        JsonNode endpoint = root.at("/properties/platform/properties/pcie/properties/topology/properties/endpoints/items/properties");
        assertTrue(endpoint.at("/preset/enum").toString().contains("\"intel-82576\""), "the catalogue's names complete");
        assertTrue(endpoint.at("/vendorId/pattern").isTextual());
        JsonNode rates = root.at("/properties/expect/properties/rates");
        assertEquals(List.of("seeds"), List.of(rates.get("required").get(0).asText()));
        assertTrue(rates.at("/additionalProperties/properties/min").isObject(), "every other key is a rate {min, max}");
    }

    @Test
    void everyExampleValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = schema();
        for (Path p : Examples.all()) {
            JsonNode doc = new YAMLMapper().readTree(Files.readString(p));
            Set<ValidationMessage> errors = schema.validate(doc);
            assertTrue(errors.isEmpty(), p + ": " + errors);
            assertTrue(Files.readString(p).startsWith("# yaml-language-server: $schema="), p.toString());
        }
    }

    @Test
    void schemaRejectsUnknownKeysAndBadNames() throws Exception {
        JsonSchema schema = schema();
        assertFalse(schema.validate(new YAMLMapper().readTree("name: x\nplatfrom: {}\n")).isEmpty());
        assertFalse(schema.validate(new YAMLMapper().readTree("name: x\nmitigations: [flr-al]\n")).isEmpty());
        assertFalse(schema.validate(new YAMLMapper().readTree("name: x\ntimeline: [{at: 10, action: panic}]\n")).isEmpty());
        assertTrue(schema.validate(new YAMLMapper().readTree("name: x\n")).isEmpty());
    }
}
