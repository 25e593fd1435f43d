package org.iprharbor.kit.events;

/**
 * A record no retry can fix (not a CloudEvent, unreadable payload, unknown type version): the consumer
 * throws it and the record goes to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
