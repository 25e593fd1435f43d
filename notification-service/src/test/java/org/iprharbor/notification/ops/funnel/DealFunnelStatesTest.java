package org.iprharbor.notification.ops.funnel;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import org.iprharbor.testing.contracts.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel's states are exactly the states deal-service publishes (DealEvent.state in its AsyncAPI document), so a
 * state added there cannot go uncounted here (issue 20).
 */
class DealFunnelStatesTest {

    @Test
    void shouldCountExactlyTheStatesDealServicePublishes() throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(ContractFiles.asyncApi("deal-service")));
        List<String> published = new ArrayList<>();
        document.at("/components/schemas/DealEvent/properties/state/enum").forEach(state -> published.add(state.asText()));

        assertThat(published).as("DealEvent.state's enum in deal-service's AsyncAPI document").isNotEmpty();
        assertThat(DealFunnel.STATES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void shouldPutTheLetterOfIntentReviewBetweenCounterOfferAndAgreement() {
        assertThat(DealFunnel.STATES.subList(0, 4)).containsExactly("OFFERED", "COUNTERED", "INTENT_REVIEW", "AGREED");
    }
}
