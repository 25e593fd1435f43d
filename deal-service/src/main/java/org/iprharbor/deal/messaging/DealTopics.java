package org.iprharbor.deal.messaging;

import org.iprharbor.deal.domain.DealEventKind;

/**
 * deal-service's topic and event types: the contract the catalog, notifications and integrators build on.
 */
public final class DealTopics {

    public static final String DEALS = "harbor.deals.v1";

    public static final String DEAL_OPENED = type(DealEventKind.DEAL_OPENED);
    public static final String OFFER_COUNTERED = type(DealEventKind.OFFER_COUNTERED);
    public static final String OFFER_ACCEPTED = type(DealEventKind.OFFER_ACCEPTED);
    public static final String OFFER_REJECTED = type(DealEventKind.OFFER_REJECTED);
    public static final String DEAL_WITHDRAWN = type(DealEventKind.DEAL_WITHDRAWN);
    public static final String DEAL_EXPIRED = type(DealEventKind.DEAL_EXPIRED);
    public static final String PARTY_SIGNED = type(DealEventKind.PARTY_SIGNED);
    public static final String CONTRACT_SIGNED = type(DealEventKind.CONTRACT_SIGNED);
    public static final String EXPORT_REVIEW_REQUESTED = type(DealEventKind.EXPORT_REVIEW_REQUESTED);
    public static final String EXPORT_CLEARED = type(DealEventKind.EXPORT_CLEARED);
    public static final String EXPORT_DENIED = type(DealEventKind.EXPORT_DENIED);
    public static final String PAYMENT_SETTLED = type(DealEventKind.PAYMENT_SETTLED);
    public static final String TRANSFER_RECORDED = type(DealEventKind.TRANSFER_RECORDED);
    public static final String DEAL_COMPLETED = type(DealEventKind.DEAL_COMPLETED);
    public static final String DEAL_CANCELLED = type(DealEventKind.DEAL_CANCELLED);

    private DealTopics() {
    }

    /** {@code org.iprharbor.deal.<slug>.v1}, the ce_type of a kind of deal event. */
    public static String type(DealEventKind kind) {
        return "org.iprharbor.deal." + kind.slug() + ".v1";
    }
}
