package org.iprharbor.notification.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.awaitility.Awaitility.await;

/**
 * Fault suite, consumer-rebalance: events went missing after a second instance joined the deal consumer group and
 * left, and the cooperative-sticky assignor (service-kit) was suspected of leaving handed-back partitions unconsumed.
 * It was not (the leaving instance dead-lettered what it had fetched, see service-kit ConsumerGateTest); this guards
 * the handover itself: a plain consumer with the service's group id and assignor stands in for the second instance,
 * and events published before, during and after its visit must all be applied.
 */
@QuarkusTest
class ConsumerRebalanceTest {

    private static final String GROUP = "notification-service.deals";
    private static final String TOPIC = "harbor.deals.v1";

    @Test
    void shouldKeepApplyingDealEventsAfterASecondInstanceJoinedAndLeft() {
        UUID buyer = CatalogAndDeals.partner("Kyrgyz State Technical University", "KG", List.of("ru"), "Asia/Bishkek",
                "tto-" + UUID.randomUUID() + "@kstu.kg.example");
        UUID seller = CatalogAndDeals.partner("Xinjiang University", "CN", List.of("zh"), "Asia/Shanghai",
                "tto-" + UUID.randomUUID() + "@xju.edu.cn.example");
        UUID patent = CatalogAndDeals.patent(seller, "{\"en\":\"Saline soil desalination device\"}", "A01B 79/02", "CN");
        List<UUID> events = new ArrayList<>();
        events.addAll(dealsOpened(patent, buyer, seller, 12));
        awaitApplied(buyer, events);

        try (KafkaConsumer<String, String> secondInstance = secondInstance()) {
            secondInstance.subscribe(List.of(TOPIC));
            await().atMost(CatalogAndDeals.WAIT).until(() -> {
                secondInstance.poll(Duration.ofMillis(100));
                return !secondInstance.assignment().isEmpty();
            });
            // handed over to the second instance while it holds part of the topic; it never applies them
            events.addAll(dealsOpened(patent, buyer, seller, 12));
            secondInstance.poll(Duration.ofMillis(100));
        }
        events.addAll(dealsOpened(patent, buyer, seller, 12));

        awaitApplied(buyer, events);
    }

    private static List<UUID> dealsOpened(UUID patent, UUID buyer, UUID seller, int count) {
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID event = UUID.randomUUID();
            // a new deal each time: a new key, so the events spread over every partition
            CatalogAndDeals.dealEvent(event, "deal-opened", UUID.randomUUID(), patent, buyer, seller, "KG", "CN", 0);
            events.add(event);
        }
        return events;
    }

    private static void awaitApplied(UUID partner, List<UUID> events) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> InboxItem
                .count("partnerId = ?1 and eventId in ?2", partner, events)) == events.size());
    }

    /** The service's consumer as another instance would configure it: same group, same (kit-wide) assignor. */
    private static KafkaConsumer<String, String> secondInstance() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, ConfigProvider.getConfig()
                .getValue("mp.messaging.connector.smallrye-kafka.partition.assignment.strategy", String.class));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
