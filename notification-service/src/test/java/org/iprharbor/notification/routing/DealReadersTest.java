package org.iprharbor.notification.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.routing.DealNotifications.DealSnapshot;
import org.iprharbor.notification.routing.DealNotifications.DealSnapshot.Deadline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads which deal event: both parties when texts exist, a reminder only the party responsible for its deadline.
 */
class DealReadersTest {

    private static final Set<String> TEXTS = Set.of("deadline-missed.buyer.subject", "export-intent-granted.buyer.subject",
            "party-signed.buyer.subject", "party-signed.licence.buyer.subject", "deal-completed.buyer.subject");

    @Test
    void shouldRemindOnlyTheResponsibleParty() {
        assertThat(DealReaders.sides("deadline-approaching", deal("SELLER"), TEXTS::contains)).containsExactly("seller");
        assertThat(DealReaders.sides("deadline-approaching", deal("BUYER"), TEXTS::contains)).containsExactly("buyer");
    }

    @Test
    void shouldRemindNobodyWhenNoPartyIsResponsible() {
        assertThat(DealReaders.sides("deadline-approaching", deal(null), TEXTS::contains)).isEmpty();
    }

    @Test
    void shouldTellBothPartiesOfAMissedDeadlineAndOfOtherStepsWithTexts() {
        assertThat(DealReaders.sides("deadline-missed", deal("SELLER"), TEXTS::contains)).containsExactly("buyer", "seller");
        assertThat(DealReaders.sides("export-intent-granted", deal(null), TEXTS::contains)).containsExactly("buyer", "seller");
    }

    @Test
    void shouldTellNobodyOfAStepWithoutTexts() {
        assertThat(DealReaders.sides("deal-teleported", deal("SELLER"), TEXTS::contains)).isEmpty();
    }

    @Test
    void shouldTellTheSignaturesOfADealThatWaitsForTheExportLicenceWithItsOwnTexts() {
        assertThat(DealReaders.texts("party-signed", deal(null, "REVIEW"), TEXTS::contains)).isEqualTo("party-signed.licence");
        assertThat(DealReaders.texts("party-signed", deal(null, "REGISTRATION"), TEXTS::contains)).isEqualTo("party-signed");
        assertThat(DealReaders.texts("party-signed", deal(null, "DOMESTIC"), TEXTS::contains)).isEqualTo("party-signed");
        assertThat(DealReaders.texts("party-signed", deal(null, null), TEXTS::contains)).as("published before exportRoute")
                .isEqualTo("party-signed");
        assertThat(DealReaders.texts("deal-completed", deal(null, "REVIEW"), TEXTS::contains)).as("no licence variant")
                .isEqualTo("deal-completed");
    }

    private static DealSnapshot deal(String responsible) {
        return deal(responsible, "REGISTRATION");
    }

    private static DealSnapshot deal(String responsible, String exportRoute) {
        Deadline deadline = new Deadline("CONTRACT_REGISTRATION", Instant.parse("2027-02-05T16:00:00Z"), responsible, false, "OPEN");
        return new DealSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "KZ", "CN",
                "EXCLUSIVE_LICENCE", "CLEARED", 2, null, null, null, null, exportRoute, deadline, List.of(deadline));
    }
}
