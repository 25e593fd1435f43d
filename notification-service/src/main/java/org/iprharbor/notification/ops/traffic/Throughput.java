package org.iprharbor.notification.ops.traffic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import org.iprharbor.notification.ops.OpsConfig;
import org.iprharbor.notification.ops.kafka.OpsKafka;

/**
 * Events per minute per topic, from Kafka itself: the offset of the first record at or after each minute boundary
 * (Admin listOffsets by timestamp), summed over partitions; the difference between two boundaries is that minute's
 * count. One mechanism for every topic, including those this service does not store.
 */
@ApplicationScoped
public class Throughput {

    private final OpsKafka kafka;
    private final OpsConfig config;

    Throughput(OpsKafka kafka, OpsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public ThroughputView perMinute() {
        Admin admin = kafka.admin();
        Map<String, TopicDescription> topics = kafka.await(admin.describeTopics(existing(admin)).allTopicNames());
        List<TopicPartition> partitions = new ArrayList<>();
        topics.values().forEach(topic -> topic.partitions()
                .forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition()))));

        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        List<Instant> boundaries = new ArrayList<>();
        for (int i = config.throughputMinutes(); i >= 0; i--) {
            boundaries.add(end.minus(i, ChronoUnit.MINUTES));
        }
        Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
        // All look-ups are sent before any is awaited, so the panel costs one round trip, not one per minute.
        List<ListOffsetsResult> atBoundaries = boundaries.stream()
                .map(at -> admin.listOffsets(spec(partitions, OffsetSpec.forTimestamp(at.toEpochMilli())))).toList();

        Map<String, long[]> perTopic = new LinkedHashMap<>();
        config.topics().stream().filter(topics::containsKey).forEach(topic -> perTopic.put(topic, new long[boundaries.size()]));
        for (int i = 0; i < boundaries.size(); i++) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = kafka.await(atBoundaries.get(i).all());
            for (TopicPartition partition : partitions) {
                long offset = found.get(partition).offset();
                // -1: no record at or after this time yet, so the boundary sits at the end of the log
                perTopic.get(partition.topic())[i] += offset < 0 ? latest.get(partition) : offset;
            }
        }
        List<ThroughputView.TopicRate> rates = new ArrayList<>();
        perTopic.forEach((topic, offsets) -> {
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i < offsets.length; i++) {
                counts.add(offsets[i] - offsets[i - 1]);
            }
            rates.add(new ThroughputView.TopicRate(topic, counts));
        });
        return new ThroughputView(boundaries.get(0), rates);
    }

    private List<String> existing(Admin admin) {
        var names = kafka.await(admin.listTopics().names());
        return config.topics().stream().filter(names::contains).toList();
    }

    private Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        kafka.await(admin.listOffsets(spec(partitions, spec)).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    static Map<TopicPartition, OffsetSpec> spec(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return request;
    }
}
