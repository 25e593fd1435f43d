package org.iprharbor.testing.contracts;

/**
 * One way an event breaks its contract: which event, where in it, and what is wrong.
 *
 * @param type    the event's ce_type (or the fixture or document checked)
 * @param eventId its ce_id, or {@code -} where there is none (fixtures, examples)
 * @param path    where in the payload or headers, a JSON pointer, e.g. {@code payload /terms/price/amount}
 * @param message what the schema wanted
 */
public record Violation(String type, String eventId, String path, String message) {

    @Override
    public String toString() {
        return type + " " + eventId + " at " + path + ": " + message;
    }
}
