package org.iprharbor.catalog.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.ContractFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's demo data (deploy/local-stack/.../seed/demo-data.json) through the catalog's API as the seeder
 * posts it: every need is valid, they come from at least eight countries, and several match Gansu patents, among
 * them a Russian or Kazakh need matching a Lanzhou patent.
 */
@QuarkusTest
class DemoNeedsTest {

    private static final Set<String> GANSU = Set.of("lzu", "lz-petrochem", "baiyin-xinhe", "gansu-tto");

    @Test
    void shouldSeedNeedsFromEightCountriesThatMatchGansuPatents() throws IOException {
        Path seed = ContractFiles.directory().getParent().getParent()
                .resolve("deploy/local-stack/src/main/resources/seed/demo-data.json");
        JsonNode demo = new ObjectMapper().readTree(Files.readString(seed));
        Map<String, String> partners = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        for (JsonNode partner : demo.get("partners")) {
            ObjectNode body = partner.deepCopy();
            String ref = body.remove("ref").asText();
            body.put("legalName", body.get("legalName").asText() + " (demo check)");
            partners.put(ref, post("/partners", TestTokens.operator(), body));
            countries.put(ref, body.get("country").asText());
        }
        Map<String, String> gansuPatents = new HashMap<>();
        for (JsonNode patent : demo.get("patents")) {
            ObjectNode body = patent.deepCopy();
            String owner = body.remove("owner").asText();
            String[] number = body.get("publicationNumber").asText().split("-");
            body.put("publicationNumber", number[0] + "-9" + number[1] + "-" + number[2]); // unlike any other test's
            String id = post("/patents", TestTokens.partner(java.util.UUID.fromString(partners.get(owner))), body);
            if (GANSU.contains(owner)) {
                gansuPatents.put(id, owner);
            }
        }
        Set<String> needCountries = new HashSet<>();
        int matchingGansu = 0;
        boolean russianOrKazakhMatchesLanzhou = false;
        for (JsonNode need : demo.get("needs")) {
            ObjectNode body = need.deepCopy();
            String owner = body.remove("owner").asText();
            String token = TestTokens.partner(java.util.UUID.fromString(partners.get(owner)));
            String id = post("/needs", token, body);
            needCountries.add(countries.get(owner));
            JsonPath matches = given().auth().oauth2(token).queryParam("limit", 100).get("/needs/" + id + "/matches")
                    .then().statusCode(200).extract().jsonPath();
            List<String> gansu = matches.<String>getList("items.patentId").stream().filter(gansuPatents::containsKey).toList();
            matchingGansu += gansu.isEmpty() ? 0 : 1;
            boolean slavic = need.get("titles").has("ru") || need.get("titles").has("kk");
            russianOrKazakhMatchesLanzhou |= slavic && gansu.stream().anyMatch(patent -> "lzu".equals(gansuPatents.get(patent)));
        }

        assertThat(demo.get("needs").size()).isGreaterThanOrEqualTo(30);
        assertThat(needCountries).hasSizeGreaterThanOrEqualTo(8).doesNotContain("CN");
        assertThat(matchingGansu).as("needs matching a Gansu patent").isGreaterThanOrEqualTo(10);
        assertThat(russianOrKazakhMatchesLanzhou).as("a Russian or Kazakh need matches a Lanzhou University patent").isTrue();
    }

    private static String post(String path, String token, JsonNode body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .when().post(path).then().statusCode(201).extract().path("id");
    }
}
