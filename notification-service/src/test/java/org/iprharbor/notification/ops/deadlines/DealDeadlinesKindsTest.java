package org.iprharbor.notification.ops.deadlines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import org.iprharbor.testing.contracts.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds the due-and-overdue panel accepts and offers are exactly the deadline kinds deal-service publishes
 * (Deadline.kind in its AsyncAPI document), so a new kind can be neither refused nor missing from the page's filter.
 */
class DealDeadlinesKindsTest {

    @Test
    void shouldAcceptExactlyTheKindsDealServicePublishes() throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(ContractFiles.asyncApi("deal-service")));
        List<String> published = new ArrayList<>();
        document.at("/components/schemas/Deadline/properties/kind/enum").forEach(kind -> published.add(kind.asText()));

        assertThat(published).as("Deadline.kind's enum in deal-service's AsyncAPI document").isNotEmpty();
        assertThat(DealDeadlines.KINDS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void shouldOfferEveryKindInThePanelsFilter() throws IOException {
        String page = Files.readString(Path.of("src/main/resources/META-INF/resources/ops/index.html"));
        String select = page.substring(page.indexOf("<select id=\"deadline-kind\">"), page.indexOf("</select>",
                page.indexOf("<select id=\"deadline-kind\">")));
        List<String> offered = Pattern.compile("<option>([A-Z_]+)</option>").matcher(select).results()
                .map(option -> option.group(1)).toList();

        assertThat(offered).containsExactlyElementsOf(DealDeadlines.KINDS);
    }
}
