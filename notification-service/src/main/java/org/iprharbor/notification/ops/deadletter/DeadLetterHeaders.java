package org.iprharbor.notification.ops.deadletter;

/**
 * Header names SmallRye Reactive Messaging's Kafka dead-letter-queue strategy writes (KafkaDeadLetterQueue).
 */
final class DeadLetterHeaders {

    static final String PREFIX = "dead-letter-";
    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    static final String DLQ_SUFFIX = ".dlq";

    private DeadLetterHeaders() {
    }
}
