package org.iprharbor.catalog.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Matching both ways against the real database and broker: a need posted before the patent and after it, across
 * languages through IPC and through a language both sides write in, with readable reasons; match-found published
 * once per pair with no budget, and never again once dismissed.
 */
@QuarkusTest
class MatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Random RANDOM = new Random();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldTellANeedPostedFirstOfAPatentListedLaterOnceAndWithoutTheBudget() {
        String word = uniqueWord();
        UUID seeker = CatalogFixtures.registeredPartner("Karaganda Mining Equipment", "KZ");
        UUID need = CatalogFixtures.postedNeed(seeker, Map.of("ipcClasses", List.of(), "keywords", Map.of("en", List.of(word)),
                "budget", Map.of("amount", "987654.00", "currency", "CNY")));
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Mining Institute", "CN");

        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.needs.v1")) {
            UUID patent = CatalogFixtures.listedPatent(owner, Map.of("ipcClasses", List.of("E21B 7/00"),
                    "titles", Map.of("en", "Drilling rig with " + word + " bit", "zh", "钻机"),
                    "askingPrice", Map.of("amount", "500000.00", "currency", "CNY")));

            ConsumerRecord<String, String> found = probe.await(matchOf(need, patent), 1, WAIT).get(0);
            assertThat(KafkaProbe.header(found, "ce_type")).isEqualTo("org.iprharbor.catalog.match-found.v1");
            assertThat(found.key()).isEqualTo(need.toString());
            assertThat(found.value()).doesNotContain("\"budget\"", "987654").contains("\"kind\":\"WITHIN_BUDGET\"");
            JsonPath payload = JsonPath.from(found.value());
            assertThat(payload.getString("needOwnerId")).isEqualTo(seeker.toString());
            assertThat(payload.getString("patentOwnerId")).isEqualTo(owner.toString());
            assertThat(payload.getList("reasons.kind")).contains("WORDS", "TERRITORY_COVERED", "DEAL_TYPE", "WITHIN_BUDGET");

            JsonPath matches = given().auth().oauth2(TestTokens.partner(seeker)).get("/needs/" + need + "/matches")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(matches.getList("items.patentId")).containsExactly(patent.toString());
            assertThat(matches.getList("items[0].reasons.findAll { it.kind == 'WORDS' }.language")).containsExactly("en");
            assertThat(matches.getList("items[0].reasons.findAll { it.kind == 'WORDS' }.values[0]")).containsExactly(word);
            assertThat(matches.getInt("items[0].score")).isEqualTo(10 + 10 + 10 + 10);

            String ownerView = given().auth().oauth2(TestTokens.partner(owner)).get("/patents/" + patent + "/matches")
                    .then().statusCode(200).body("items.needId", hasItem(need.toString())).extract().asString();
            assertThat(ownerView).doesNotContain("\"budget\"", "987654");

            given().auth().oauth2(TestTokens.partner(seeker)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("territories", List.of("KZ", "UZ"))).when().patch("/needs/" + need).then().statusCode(200);
            await(probe, need, "org.iprharbor.catalog.need-updated.v1");
            assertThat(probe.seen(matchOf(need, patent))).as("announced once, not again after the change").hasSize(1);
        }
    }

    @Test
    void shouldMatchAPatentListedFirstToARussianNeedThroughIpcAlone() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Desert Research Institute", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of("ipcClasses", List.of("E01F 7/02"),
                "titles", Map.of("en", "High-density polyethylene sand fence for desert highways", "zh", "沙漠公路高密度聚乙烯防沙栅栏"),
                "familyCoverage", List.of(), "targetTerritories", List.of("KZ")));
        UUID seeker = CatalogFixtures.registeredPartner("Kazakhstan Temir Zholy", "KZ");

        UUID need;
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.needs.v1")) {
            need = CatalogFixtures.postedNeed(seeker, Map.of("ipcClasses", List.of("E01F 7"),
                    "titles", Map.of("ru", "Защита железной дороги от песчаных заносов"),
                    "keywords", Map.of("ru", List.of("пескозащитный", uniqueWord()))));
            probe.await(matchOf(need, patent), 1, WAIT);
        }

        // other tests' needs (the demo's Kazakh sand-fence need) may match this patent too: look at this need's match
        String mine = "items.find { it.needId == '" + need + "' }";
        JsonPath matches = given().auth().oauth2(TestTokens.partner(owner)).get("/patents/" + patent + "/matches")
                .then().statusCode(200).extract().jsonPath();
        assertThat(matches.getString(mine + ".needTitles.ru")).isEqualTo("Защита железной дороги от песчаных заносов");
        assertThat(matches.getList(mine + ".reasons.kind"))
                .containsExactly("IPC_GROUP", "TERRITORY_TARGETED", "DEAL_TYPE", "WITHIN_BUDGET");
        assertThat(matches.getList(mine + ".reasons[0].values")).containsExactly("E01F 7");
        assertThat(matches.getInt(mine + ".score")).isEqualTo(40 + 5 + 10 + 10);
    }

    @Test
    void shouldMatchThroughALanguageBothSidesWriteIn() {
        String word = uniqueWord();
        UUID owner = CatalogFixtures.registeredPartner("Boreskov Catalysis Branch", "RU");
        UUID seeker = CatalogFixtures.registeredPartner("Atyrau Refinery", "KZ");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of("ipcClasses", List.of("B01J 29/08"),
                "titles", Map.of("ru", "Катализатор крекинга " + word, "zh", "裂化催化剂")));

        UUID need = CatalogFixtures.postedNeed(seeker, Map.of("ipcClasses", List.of(),
                "titles", Map.of("kk", "Крекинг катализаторы"), "keywords", Map.of("ru", List.of(word))));

        given().auth().oauth2(TestTokens.partner(seeker)).get("/needs/" + need + "/matches").then().statusCode(200)
                .body("items.patentId", equalTo(List.of(patent.toString())))
                .body("items[0].reasons.find { it.kind == 'WORDS' }.language", equalTo("ru"))
                .body("items[0].reasons.find { it.kind == 'WORDS' }.values", hasItem(word))
                .body("items[0].reasons.find { it.kind == 'WORDS' }.text", org.hamcrest.Matchers.containsString(word));
    }

    @Test
    void shouldNeverAnnounceOrListADismissedMatchAgain() {
        String word = uniqueWord();
        UUID seeker = CatalogFixtures.registeredPartner("Bukhara Cotton Cluster", "UZ");
        UUID owner = CatalogFixtures.registeredPartner("Gansu Cotton Machinery", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of("ipcClasses", List.of("D01B 1/04"),
                "titles", Map.of("en", "Cotton cleaner " + word)));

        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.needs.v1", "harbor.patents.v1")) {
            UUID need = CatalogFixtures.postedNeed(seeker, Map.of("ipcClasses", List.of("D01B"),
                    "keywords", Map.of("en", List.of(word)), "territories", List.of("UZ")));
            String matchId = JsonPath.from(probe.await(matchOf(need, patent), 1, WAIT).get(0).value()).getString("matchId");

            String stranger = TestTokens.partner(CatalogFixtures.registeredPartner("Nosy Broker", "UZ"));
            given().auth().oauth2(stranger).post("/matches/" + matchId + "/dismiss").then().statusCode(404);
            given().auth().oauth2(stranger).get("/needs/" + need + "/matches").then().statusCode(404);
            given().auth().oauth2(stranger).get("/patents/" + patent + "/matches").then().statusCode(404);

            given().auth().oauth2(TestTokens.partner(owner)).post("/matches/" + matchId + "/dismiss").then().statusCode(200)
                    .body("status", equalTo("DISMISSED"));
            given().auth().oauth2(TestTokens.partner(seeker)).post("/matches/" + matchId + "/dismiss").then().statusCode(409);

            given().auth().oauth2(TestTokens.partner(seeker)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("keywords", Map.of("en", List.of(word, "cotton")))).when().patch("/needs/" + need).then().statusCode(200);
            given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("targetTerritories", List.of("UZ", "TJ"))).when().patch("/patents/" + patent).then().statusCode(200);
            await(probe, patent, "org.iprharbor.catalog.patent-updated.v1");
            await(probe, need, "org.iprharbor.catalog.need-updated.v1");

            assertThat(probe.seen(matchOf(need, patent))).as("match-found after dismissal and two re-matches").hasSize(1);
            given().auth().oauth2(TestTokens.partner(seeker)).get("/needs/" + need + "/matches").then().statusCode(200)
                    .body("items.id", not(hasItem(matchId)));
            given().auth().oauth2(TestTokens.operator()).get("/patents/" + patent + "/matches").then().statusCode(200)
                    .body("items.id", not(hasItem(matchId)));
        }
    }

    @Test
    void shouldPublishNeedEventsWithTheirTypesAndNoBudget() {
        UUID seeker = CatalogFixtures.registeredPartner("Isfahan Steel Research", "IR");
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.needs.v1")) {
            UUID need = CatalogFixtures.postedNeed(seeker, Map.of("keywords", Map.of("fa", List.of("فولاد")),
                    "titles", Map.of("fa", "فناوری تولید فولاد"), "ipcClasses", List.of(), "budget", Map.of("amount", "123456.00", "currency", "USD")));
            given().auth().oauth2(TestTokens.partner(seeker)).delete("/needs/" + need).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.await(record -> need.toString().equals(record.key())
                    && !"org.iprharbor.catalog.match-found.v1".equals(KafkaProbe.header(record, "ce_type")), 2, WAIT);
            assertThat(records).extracting(record -> KafkaProbe.header(record, "ce_type"))
                    .containsExactly("org.iprharbor.catalog.need-posted.v1", "org.iprharbor.catalog.need-closed.v1");
            assertThat(records).extracting(record -> KafkaProbe.header(record, "ce_sequence")).containsExactly("00000000000000000000", "00000000000000000001");
            assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("\"budget\"", "123456")
                    .contains("\"ownerId\":\"" + seeker + "\""));
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> matchOf(UUID need, UUID patent) {
        return record -> "org.iprharbor.catalog.match-found.v1".equals(KafkaProbe.header(record, "ce_type"))
                && need.toString().equals(record.key()) && record.value().contains("\"patentId\":\"" + patent + "\"");
    }

    private static void await(KafkaProbe probe, UUID subject, String type) {
        probe.await(record -> subject.toString().equals(record.key()) && type.equals(KafkaProbe.header(record, "ce_type")), 1, WAIT);
    }

    /** A word no other test writes, so that only this test's need and patent share it. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("harbor");
        RANDOM.ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }
}
