package org.iprharbor.catalog.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Search over real PostgreSQL: every script, IPC prefixes, combined filters, keyset pages and facets.
 * Each test scopes its searches to patents of its own owner, since the database is shared.
 */
@QuarkusTest
class PatentSearchTest {

    private static final String CATHODE_ZH = "高镍三元锂电池正极材料及其制备方法";
    private static final String CATALYST_RU = "Микросферический катализатор крекинга с пониженным содержанием редкоземельных элементов";
    private static final String DESALINATION_AR = "نظام تحلية المياه بالطاقة الشمسية للمناطق الصحراوية";
    private static final String DRILLING_KK = "Мұнай ұңғымаларын бұрғылауға арналған сұйықтық";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldFindChineseRussianArabicAndEnglishWords() {
        UUID owner = CatalogFixtures.registeredPartner("Silk Road Search Institute", "CN");
        UUID cathode = patent(owner, Map.of("titles", Map.of("zh", CATHODE_ZH, "en", "High-nickel cathode for lithium-ion batteries")));
        UUID catalyst = patent(owner, Map.of("titles", Map.of("ru", CATALYST_RU, "en", "Microspherical cracking catalyst"),
                "ipcClasses", List.of("B01J 29/08")));
        UUID desalination = patent(owner, Map.of("titles", Map.of("ar", DESALINATION_AR, "en", "Solar desalination system"),
                "ipcClasses", List.of("C02F 1/14")));

        assertThat(ids(search(owner).queryParam("q", "锂电池"))).containsExactly(cathode);
        assertThat(ids(search(owner).queryParam("q", "正极材料"))).containsExactly(cathode);
        assertThat(ids(search(owner).queryParam("q", "катализатор"))).containsExactly(catalyst);
        assertThat(ids(search(owner).queryParam("q", "تحلية"))).containsExactly(desalination);
        assertThat(ids(search(owner).queryParam("q", "desalination system"))).containsExactly(desalination);
        assertThat(ids(search(owner).queryParam("q", "CRACKING"))).containsExactly(catalyst);
        assertThat(ids(search(owner).queryParam("q", "quantum teleportation"))).isEmpty();
    }

    @Test
    void shouldKeepEveryScriptExactly() {
        UUID owner = CatalogFixtures.registeredPartner("Satbayev University", "KZ");
        Map<String, String> titles = Map.of("kk", DRILLING_KK, "ar", DESALINATION_AR, "zh", CATHODE_ZH, "ru", CATALYST_RU);
        UUID id = patent(owner, Map.of("titles", titles, "jurisdiction", "KZ"));

        JsonPath patent = given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .when().get("/patents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(patent.getMap("titles")).isEqualTo(titles);
    }

    @Test
    void shouldFilterByIpcPrefixAtEveryLevelAndCombineFilters() {
        UUID owner = CatalogFixtures.registeredPartner("Baiyin Battery Materials", "CN");
        UUID battery = patent(owner, Map.of("ipcClasses", List.of("H01M 10/0525"), "dealTypes", List.of("ASSIGNMENT"),
                "askingPrice", Map.of("amount", "90000.00", "currency", "CNY"), "familyCoverage", List.of("KZ")));
        UUID electrode = patent(owner, Map.of("ipcClasses", List.of("H01M 4/505"), "dealTypes", List.of("NON_EXCLUSIVE_LICENCE"),
                "askingPrice", Map.of("amount", "500000.00", "currency", "CNY"), "exportClass", "RESTRICTED",
                "familyCoverage", List.of()));
        UUID refinery = patent(owner, Map.of("ipcClasses", List.of("C10G 11/18"), "dealTypes", List.of("ASSIGNMENT"),
                "familyCoverage", List.of("RU")));

        assertThat(ids(search(owner).queryParam("ipc", "H"))).containsExactlyInAnyOrder(battery, electrode);
        assertThat(ids(search(owner).queryParam("ipc", "h01m"))).containsExactlyInAnyOrder(battery, electrode);
        assertThat(ids(search(owner).queryParam("ipc", "H01M10"))).containsExactly(battery);
        assertThat(ids(search(owner).queryParam("ipc", "C10G 11/18"))).containsExactly(refinery);
        assertThat(ids(search(owner).queryParam("ipc", "H01M").queryParam("dealType", "ASSIGNMENT"))).containsExactly(battery);
        assertThat(ids(search(owner).queryParam("exportClass", "RESTRICTED"))).containsExactly(electrode);
        assertThat(ids(search(owner).queryParam("maxPrice", "100000").queryParam("currency", "CNY"))).containsExactly(battery);
        assertThat(ids(search(owner).queryParam("coverage", "KZ"))).containsExactly(battery);
        assertThat(ids(search(owner).queryParam("coverage", "CN"))).containsExactlyInAnyOrder(battery, electrode, refinery);
        assertThat(ids(search(owner).queryParam("jurisdiction", "KZ"))).isEmpty();
    }

    @Test
    void shouldPageNewestFirstWithoutDuplicatesOrGaps() {
        UUID owner = CatalogFixtures.registeredPartner("Gansu Technology Transfer Centre", "CN");
        List<UUID> listed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            listed.add(patent(owner, Map.of()));
        }
        List<UUID> seen = pageThrough(() -> search(owner), 3);
        java.util.Collections.reverse(listed);
        assertThat(seen).containsExactlyElementsOf(listed);
    }

    @Test
    void shouldPageByRelevanceWithoutDuplicatesOrGaps() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Desert Agriculture Institute", "CN");
        List<UUID> listed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            listed.add(patent(owner, Map.of("titles", Map.of("en", "Drip irrigation emitter " + "for sandy soil ".repeat(i + 1)))));
        }
        List<UUID> seen = pageThrough(() -> search(owner).queryParam("q", "irrigation"), 2);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void shouldCountFacetsOfTheMatchingPatents() {
        UUID owner = CatalogFixtures.registeredPartner("Kapadokya Aerospace", "TR");
        patent(owner, Map.of("ipcClasses", List.of("B64G 1/10", "H01M 10/0525"), "jurisdiction", "TR", "dealTypes", List.of("ASSIGNMENT")));
        patent(owner, Map.of("ipcClasses", List.of("B64C 1/00"), "jurisdiction", "TR", "dealTypes", List.of("ASSIGNMENT", "EXCLUSIVE_LICENCE")));
        patent(owner, Map.of("ipcClasses", List.of("H02S 20/30"), "jurisdiction", "CN", "dealTypes", List.of("NON_EXCLUSIVE_LICENCE")));

        given().auth().oauth2(TestTokens.partner(owner)).queryParam("owner", owner.toString())
                .when().get("/patents/facets")
                .then().statusCode(200)
                .body("ipcSections.B", equalTo(2))
                .body("ipcSections.H", equalTo(2))
                .body("jurisdictions.TR", equalTo(2))
                .body("jurisdictions.CN", equalTo(1))
                .body("dealTypes.ASSIGNMENT", equalTo(2))
                .body("dealTypes.EXCLUSIVE_LICENCE", equalTo(1));
    }

    @Test
    void shouldRejectBadSearchParametersNamingThem() {
        UUID caller = UUID.randomUUID();
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("ipc", "lithium"), "ipc");
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("maxPrice", "100"), "currency");
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("cursor", "bm90LWEtY3Vyc29y"), "cursor");
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("limit", 500), "limit");
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("coverage", "XX"), "coverage");
        assertProblemField(given().auth().oauth2(TestTokens.partner(caller)).queryParam("sort", "RELEVANCE"), "sort");
    }

    private static void assertProblemField(RequestSpecification request, String field) {
        request.when().get("/patents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static List<UUID> pageThrough(java.util.function.Supplier<RequestSpecification> request, int limit) {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            RequestSpecification spec = request.get().queryParam("limit", limit);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath body = spec.when().get("/patents").then().statusCode(200).extract().jsonPath();
            body.getList("items.id", String.class).forEach(id -> seen.add(UUID.fromString(id)));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("paging did not end after 20 pages");
    }

    private static UUID patent(UUID owner, Map<String, Object> overrides) {
        return CatalogFixtures.listedPatent(owner, overrides);
    }

    private static RequestSpecification search(UUID owner) {
        return given().auth().oauth2(TestTokens.partner(owner)).queryParam("owner", owner.toString());
    }

    private static List<UUID> ids(RequestSpecification request) {
        return request.when().get("/patents").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }
}
