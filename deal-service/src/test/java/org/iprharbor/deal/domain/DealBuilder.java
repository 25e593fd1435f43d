package org.iprharbor.deal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Test data: deals between a Kazakh buyer and a Chinese seller, brought into any state by the real transitions.
 */
final class DealBuilder {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant VALID_UNTIL = T0.plus(30, ChronoUnit.DAYS);
    static final Instant LATER = T0.plus(1, ChronoUnit.HOURS);
    static final Instant AFTER_DEADLINE = VALID_UNTIL.plusSeconds(1);
    /** A patent the catalog still offers and no other deal holds. */
    static final PatentAvailability AVAILABLE = new PatentAvailability("AVAILABLE", false);

    final UUID buyerId = UUID.randomUUID();
    final UUID sellerId = UUID.randomUUID();
    final UUID operatorId = UUID.randomUUID();
    private String buyerCountry = "KZ";
    private ExportClass exportClass = ExportClass.FREE;
    private DealType dealType = DealType.EXCLUSIVE_LICENCE;

    static DealBuilder aDeal() {
        return new DealBuilder();
    }

    DealBuilder domestic() {
        buyerCountry = "CN";
        return this;
    }

    DealBuilder exportClass(ExportClass value) {
        exportClass = value;
        return this;
    }

    DealBuilder type(DealType value) {
        dealType = value;
        return this;
    }

    Actor buyer() {
        return new Actor(buyerId, ActorRole.BUYER);
    }

    Actor seller() {
        return new Actor(sellerId, ActorRole.SELLER);
    }

    Actor operator() {
        return new Actor(operatorId, ActorRole.OPERATOR);
    }

    static Terms terms(String amount) {
        return new Terms(new Price(new BigDecimal(amount), "CNY"), new BigDecimal("3.5"), List.of("KZ", "UZ"), 5,
                "lithium-ion traction batteries");
    }

    DealParties parties() {
        return new DealParties(UUID.randomUUID(), buyerId, buyerCountry, sellerId, "CN", "CN", exportClass);
    }

    /** The opening offer as the service leaves it: restricted technology leaving China waits for the letter of intent. */
    Deal offered() {
        Deal deal = Deal.open(UUID.randomUUID(), parties(), null, dealType, terms("250000.00"), VALID_UNTIL, T0);
        deal.advance(T0);
        return deal;
    }

    /** The opening offer made at another time. */
    Deal offeredAt(Instant at) {
        Deal deal = Deal.open(UUID.randomUUID(), parties(), null, dealType, terms("250000.00"), at.plus(60, ChronoUnit.DAYS), at);
        deal.advance(at);
        return deal;
    }

    /**
     * A deal in {@code state}, reached through the real commands (INTENT_REVIEW and EXPORT_REVIEW need restricted
     * technology, whose letter of intent the operator grants on the way to the others).
     */
    Deal in(DealState state) {
        if (state == DealState.EXPORT_REVIEW || state == DealState.INTENT_REVIEW) {
            exportClass = ExportClass.RESTRICTED;
        }
        Deal deal = offered();
        if (deal.state() == DealState.INTENT_REVIEW && state != DealState.INTENT_REVIEW) {
            deal.decideIntent(operator(), true, "LOI-2026-1", T0);
        }
        switch (state) {
            case OFFERED, INTENT_REVIEW -> { }
            case COUNTERED -> deal.counter(seller(), terms("300000.00"), null, LATER);
            case REJECTED -> deal.reject(seller(), "too low", LATER);
            case WITHDRAWN -> deal.withdraw(buyer(), "budget cut", LATER);
            case EXPIRED -> deal.expire(AFTER_DEADLINE);
            default -> agreeAndContinue(deal, state);
        }
        return deal;
    }

    private void agreeAndContinue(Deal deal, DealState state) {
        deal.accept(seller(), AVAILABLE, LATER);
        if (state == DealState.AGREED) {
            return;
        }
        if (state == DealState.CANCELLED) {
            deal.cancel(buyer(), "board did not approve", LATER);
            return;
        }
        deal.sign(buyer(), LATER);
        deal.sign(seller(), LATER);
        if (state == DealState.SIGNED) {
            return;
        }
        deal.advance(LATER);
        if (state == DealState.EXPORT_REVIEW || state == DealState.CLEARED) {
            return;
        }
        deal.settlePayment(operator(), "SWIFT-REF-1", LATER);
        if (state == DealState.PAID) {
            return;
        }
        deal.recordTransfer(operator(), "CNIPA-2026-000123", LocalDate.of(2026, 3, 1), LATER);
        if (state == DealState.RECORDED) {
            return;
        }
        if (deal.exportRoute() == ExportRoute.REGISTRATION) {
            deal.registerContract(operator(), "2026620000000417", LATER);
        }
        deal.advance(LATER);
    }
}
