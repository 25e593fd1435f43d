package org.iprharbor.deal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that can happen to a deal, by its name in the API ({@code POST /deals/{id}/<name>}) and in the audit.
 */
public enum DealCommand {
    OFFER("offer"), COUNTER("counter"), ACCEPT("accept"), REJECT("reject"), WITHDRAW("withdraw"), SIGN("sign"),
    CANCEL("cancel"), EXPORT_INTENT("export-intent"), EXPORT_DECISION("export-decision"),
    REGISTRATION("registration"), PAYMENT("payment"), RECORDAL("recordal"),
    EXPIRE("expire"), INTENT_REQUEST("intent-request"), EXPORT_CONTROL("export-control"), COMPLETE("complete"),
    CLOCK("clock");

    /** What a client can ask for; the others are done by the service itself. */
    public static final Set<DealCommand> CALLABLE = EnumSet.of(COUNTER, ACCEPT, REJECT, WITHDRAW, SIGN, CANCEL,
            EXPORT_INTENT, EXPORT_DECISION, REGISTRATION, PAYMENT, RECORDAL);

    private final String label;

    DealCommand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
