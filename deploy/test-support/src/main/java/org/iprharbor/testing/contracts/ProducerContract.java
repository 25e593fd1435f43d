package org.iprharbor.testing.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.testing.KafkaProbe;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producing service keeps its published event contract ({@code docs/asyncapi/<service>/asyncapi.yaml}): it serves
 * the document, the document is valid AsyncAPI 3.0, every consumer's fixture of its types matches its schemas, and
 * every record on its topics (whatever test of the module caused it) matches the document, which in turn lists
 * nothing the service never publishes. Each producer runs it as {@code @QuarkusTest class EventContractTest extends
 * ProducerContract}; {@link ProducerContractsLast} runs it after the module's other test classes. It also makes the
 * service publish every documented type itself, so it means the same run alone as after the whole suite.
 */
public abstract class ProducerContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The service's directory name, e.g. {@code deal-service}. */
    protected abstract String producer();

    /** Drives the service (its API, or the events it consumes) until it has published one event of every type. */
    protected abstract void produceEveryDocumentedType();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldServeTheCommittedDocumentWithoutAToken() throws IOException {
        Response response = given().when().get("/asyncapi.yaml");

        response.then().statusCode(200);
        assertThat(response.contentType()).contains("yaml");
        assertThat(response.asByteArray()).isEqualTo(Files.readAllBytes(ContractFiles.asyncApi(producer())));
    }

    @Test
    void shouldPublishAValidAsyncApiDocumentWithMatchingExamples() {
        EventContracts contracts = EventContracts.load();
        assertThat(contracts.checkStructure(producer())).isEmpty();
        assertThat(contracts.checkExamples(producer())).isEmpty();
    }

    @Test
    void shouldAcceptWhatEveryConsumerReliesOn() {
        assertThat(EventContracts.load().checkConsumerFixtures(producer())).isEmpty();
    }

    @Test
    void shouldPublishExactlyWhatTheDocumentPromises() {
        AsyncApiDocument document = EventContracts.load().document(producer());
        String[] topics = document.typesByTopic().keySet().toArray(String[]::new);

        produceEveryDocumentedType();

        AtomicReference<List<ConsumerRecord<String, String>>> read = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            read.set(KafkaProbe.readAll(WAIT, topics));
            assertThat(typesOf(read.get())).as("documented types published").containsAll(document.types());
        });
        List<ConsumerRecord<String, String>> records = read.get();
        List<Violation> violations = records.stream()
                .flatMap(record -> EventContracts.load().checkRecord(record).stream()).toList();
        assertThat(violations).as("records on %s that break the contract", String.join(", ", topics)).isEmpty();
        assertThat(typesOf(records)).as("types published that the document lacks").isSubsetOf(document.types());
        System.out.printf("%s: %d records of %d types on %s match %s%n", getClass().getSimpleName(), records.size(),
                typesOf(records).size(), String.join(", ", topics), ContractFiles.asyncApi(producer()));
    }

    private static Set<String> typesOf(List<ConsumerRecord<String, String>> records) {
        Set<String> types = new TreeSet<>();
        records.forEach(record -> types.add(String.valueOf(KafkaProbe.header(record, "ce_type"))));
        return types;
    }
}
