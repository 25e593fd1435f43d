package org.iprharbor.testing;

import java.nio.file.Files;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker (combined broker and controller) inside the test JVM, on free ports,
 * configured like production rather than like Kafka's own tests.
 */
final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EmbeddedKafka start(int defaultPartitions) throws Exception {
        // Our own directory: by default the test kit makes one with a JVM shutdown hook that deletes it while our
        // own hook is still stopping the broker, and a broker whose log directory vanishes calls Exit.halt(1). The
        // forks then exited 1 after green tests ("Error occurred in starting fork"), now and then, in every module.
        // close() deletes this directory once the broker has stopped.
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBaseDirectory(Files.createTempDirectory("harbor-test-kafka"))
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("unstable.api.versions.enable", "false")
                .setConfigProp("unstable.feature.versions.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("num.partitions", String.valueOf(defaultPartitions))
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
