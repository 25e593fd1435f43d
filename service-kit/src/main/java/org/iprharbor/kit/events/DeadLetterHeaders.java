package org.iprharbor.kit.events;

/**
 * Header names SmallRye Reactive Messaging's Kafka dead-letter-queue strategy writes (KafkaDeadLetterQueue); the batch
 * consumers' {@link DeadLetterPublisher} writes the same, so the ops dashboard reads and redrives both alike.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "dead-letter-";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    public static final String DLQ_SUFFIX = ".dlq";

    private DeadLetterHeaders() {
    }
}
