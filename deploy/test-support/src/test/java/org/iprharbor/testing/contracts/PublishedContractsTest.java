package org.iprharbor.testing.contracts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed AsyncAPI document is a valid AsyncAPI 3.0.0 document whose examples match their own schemas, and
 * the checks catch what they are for (a wrong field, a wrong document).
 */
class PublishedContractsTest {

    static List<String> producers() {
        return ContractFiles.producers();
    }

    @Test
    void shouldPublishADocumentForEveryProducingService() {
        assertThat(producers()).containsExactly("catalog-service", "deal-service", "notification-service");
    }

    @ParameterizedTest
    @MethodSource("producers")
    void shouldBeAValidAsyncApi3Document(String producer) {
        assertThat(EventContracts.load().checkStructure(producer)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("producers")
    void shouldGiveExamplesThatMatchTheirOwnSchemas(String producer) {
        assertThat(EventContracts.load().checkExamples(producer)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("producers")
    void shouldPutEveryDocumentedTypeOnExactlyOneTopic(String producer) {
        AsyncApiDocument document = EventContracts.load().document(producer);
        assertThat(document.types()).isNotEmpty();
        for (String type : document.types()) {
            assertThat(document.typesByTopic().values().stream().filter(types -> types.contains(type)))
                    .as(type).hasSize(1);
        }
    }

    /**
     * Also each producer's EventContractTest, but here without booting a service, so a fixture added for one
     * service's consumer (e.g. deal-service's match-found) is checked in every service's build.
     */
    @ParameterizedTest
    @MethodSource("producers")
    void shouldAcceptEveryConsumersFixturesOfItsTypes(String producer) {
        assertThat(EventContracts.load().checkConsumerFixtures(producer)).isEmpty();
    }

    @Test
    void shouldKeepConsumerFixturesOnlyOfTypesSomeProducerDocuments() {
        assertThat(ContractFiles.allConsumerFixtures()).isNotEmpty().allSatisfy(fixture ->
                assertThat(EventContracts.load().producerOf(EventFixtures.typeOf(fixture))).as(fixture.toString()).isPresent());
    }

    @Test
    void shouldNameThePathAndTheProblemOfABrokenPayload() {
        String type = "org.iprharbor.catalog.partner-registered.v1";
        String payload = EventFixtures.load("deal-service", type).set("partnerId", "not-a-uuid").set("country", "Kazakhstan")
                .json().replace("\"legalName\"", "\"name\"");

        List<Violation> violations = EventContracts.load().checkPayload(type, "e-1", payload);

        assertThat(violations).extracting(Violation::path).contains("payload /partnerId", "payload /country");
        assertThat(violations).extracting(Violation::message).anySatisfy(message -> assertThat(message).contains("legalName"));
        assertThat(violations).allSatisfy(violation -> assertThat(violation.eventId()).isEqualTo("e-1"));
    }

    @Test
    void shouldRefuseATypeNoProducerDocuments() {
        assertThat(EventContracts.load().checkPayload("org.iprharbor.deal.deal-teleported.v1", "e-2", "{}"))
                .singleElement().satisfies(violation -> assertThat(violation.message()).contains("no producer documents"));
    }
}
