package org.iprharbor.notification.ops.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.iprharbor.notification.ops.kafka.OpsKafka;

/**
 * How far each consumer group is behind the end of the partitions it has committed offsets for (Kafka Admin API).
 * Our group ids start with the service's name ({@code deal-service.catalog-patents}), which names the service.
 */
@ApplicationScoped
public class ConsumerLag {

    private final OpsKafka kafka;

    ConsumerLag(OpsKafka kafka) {
        this.kafka = kafka;
    }

    public List<GroupLag> now() {
        Admin admin = kafka.admin();
        List<String> groups = kafka.await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream().map(GroupListing::groupId).sorted().toList();
        List<GroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            committed.values().removeIf(java.util.Objects::isNull);
            // a group that has committed nothing yet (its topic has been empty so far) is listed with no lag
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (!committed.isEmpty()) {
                kafka.await(admin.listOffsets(Throughput.spec(List.copyOf(committed.keySet()), OffsetSpec.latest())).all())
                        .forEach((partition, info) -> ends.put(partition, info.offset()));
            }
            Map<String, Long> perTopic = new java.util.TreeMap<>();
            committed.forEach((partition, offset) -> perTopic.merge(partition.topic(),
                    Math.max(0, ends.get(partition) - offset.offset()), Long::sum));
            long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
            lags.add(new GroupLag(serviceOf(group), group, total, perTopic));
        }
        lags.sort(Comparator.comparing(GroupLag::service).thenComparing(GroupLag::group));
        return lags;
    }

    static String serviceOf(String group) {
        int dot = group.indexOf('.');
        return dot < 0 ? group : group.substring(0, dot);
    }

    /** One consumer group's lag, in total and per topic. */
    public record GroupLag(String service, String group, long lag, Map<String, Long> topics) {
    }
}
