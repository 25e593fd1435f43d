package org.iprharbor.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The platform's Kafka topics and their dead-letter twins, created up front with enough partitions
 * for consumers to scale out (auto-creation would give one partition).
 */
public final class HarborTopics {

    public static final List<String> EVENT_TOPICS = List.of(
            "harbor.partners.v1", "harbor.patents.v1", "harbor.needs.v1", "harbor.deals.v1", "harbor.notifications.v1");
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private HarborTopics() {
    }

    public static List<String> all() {
        List<String> topics = new ArrayList<>(EVENT_TOPICS);
        EVENT_TOPICS.forEach(topic -> topics.add(topic + DEAD_LETTER_SUFFIX));
        return topics;
    }

    /** Creates every topic that does not exist yet; returns the names it created. */
    public static Set<String> createMissing(String bootstrapServers, int partitions) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("min.insync.replicas", "1")))
                    .toList();
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        }
    }
}
