package org.iprharbor.deal.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.iprharbor.kit.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iprharbor.deal.domain.DealBuilder.LATER;
import static org.iprharbor.deal.domain.DealBuilder.aDeal;

/**
 * Agreement decided by the aggregate with what the service read of the patent: still in the catalog and, for an
 * exclusive deal, held by no other one; an accept the state or turn does not allow is refused before either.
 */
class DealAcceptanceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TRANSFERRED", "WITHDRAWN", "EXPIRED" })
    void shouldRefuseToAgreeOnAPatentTheCatalogNoLongerOffers(String status) {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        assertThatThrownBy(() -> deal.accept(builder.seller(), new PatentAvailability(status, false), LATER))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.slug()).isEqualTo("patent-unavailable");
                    assertThat(e.getMessage()).isEqualTo("Patent " + deal.patentId() + " is " + status
                            + " in the catalog; the deal cannot be agreed.");
                });
        assertThat(deal.state()).isEqualTo(DealState.OFFERED);
        assertThat(deal.agreedTermsSha256()).isNull();
    }

    @Test
    void shouldRefuseASecondExclusiveAgreementButLetNonExclusiveLicencesShareThePatent() {
        DealBuilder builder = aDeal().type(DealType.ASSIGNMENT);
        Deal exclusive = builder.offered();
        PatentAvailability held = new PatentAvailability("RESERVED", true);

        assertThatThrownBy(() -> exclusive.accept(builder.seller(), held, LATER))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.slug()).isEqualTo("patent-held"));
        assertThat(exclusive.state()).isEqualTo(DealState.OFFERED);

        DealBuilder licence = aDeal().type(DealType.NON_EXCLUSIVE_LICENCE);
        Deal nonExclusive = licence.offered();
        assertThat(nonExclusive.accept(licence.seller(), held, LATER)).extracting(DealChange::kind)
                .containsExactly(DealEventKind.OFFER_ACCEPTED);
    }

    @Test
    void shouldAgreeOnAPatentTheReadModelDoesNotKnow() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        deal.accept(builder.seller(), new PatentAvailability(null, false), LATER);

        assertThat(deal.state()).isEqualTo(DealState.AGREED);
    }

    @Test
    void shouldRefuseAnIllegalAcceptAsSuchEvenWhenThePatentIsGone() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        assertThatThrownBy(() -> deal.accept(builder.buyer(), new PatentAvailability("WITHDRAWN", true), LATER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("seller's turn");
    }
}
