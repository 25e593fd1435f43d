package org.iprharbor.deal.domain;

/**
 * The kinds of domain event a deal emits; each becomes {@code org.iprharbor.deal.<slug>.v1} on the topic.
 */
public enum DealEventKind {
    DEAL_OPENED("deal-opened"), OFFER_COUNTERED("offer-countered"), OFFER_ACCEPTED("offer-accepted"),
    OFFER_REJECTED("offer-rejected"), DEAL_WITHDRAWN("deal-withdrawn"), DEAL_EXPIRED("deal-expired"),
    EXPORT_INTENT_REQUESTED("export-intent-requested"), EXPORT_INTENT_GRANTED("export-intent-granted"),
    EXPORT_INTENT_REFUSED("export-intent-refused"),
    PARTY_SIGNED("party-signed"), CONTRACT_SIGNED("contract-signed"),
    EXPORT_REVIEW_REQUESTED("export-review-requested"), EXPORT_CLEARED("export-cleared"),
    EXPORT_DENIED("export-denied"), CONTRACT_REGISTERED("contract-registered"), PAYMENT_SETTLED("payment-settled"),
    TRANSFER_RECORDED("transfer-recorded"), DEAL_COMPLETED("deal-completed"), DEAL_CANCELLED("deal-cancelled"),
    DEADLINE_APPROACHING("deadline-approaching"), DEADLINE_MISSED("deadline-missed");

    private final String slug;

    DealEventKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
