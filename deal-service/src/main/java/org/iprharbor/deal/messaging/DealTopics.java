package org.iprharbor.deal.messaging;

import org.iprharbor.deal.domain.DealEventKind;

/**
 * deal-service's topic and event types: the contract the catalog, notifications and integrators build on. The
 * event types are derived from {@link DealEventKind}, so a new kind needs no constant here.
 */
public final class DealTopics {

    public static final String DEALS = "harbor.deals.v1";

    private DealTopics() {
    }

    /** {@code org.iprharbor.deal.<slug>.v1}, the ce_type of a kind of deal event. */
    public static String type(DealEventKind kind) {
        return "org.iprharbor.deal." + kind.slug() + ".v1";
    }
}
