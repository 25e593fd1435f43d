package org.iprharbor.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.kit.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void shouldReserveOnlyWhenAvailable() {
        Patent patent = available();
        UUID first = UUID.randomUUID();
        assertThat(patent.reserve(first)).isTrue();
        assertThat(patent.status).isEqualTo(PatentStatus.RESERVED);
        assertThat(patent.reservedByDeal).isEqualTo(first);
        assertThat(patent.reserve(UUID.randomUUID())).isFalse();
        assertThat(patent.reservedByDeal).isEqualTo(first);
    }

    @Test
    void shouldReleaseOnlyForTheReservingDeal() {
        Patent patent = available();
        UUID deal = UUID.randomUUID();
        patent.reserve(deal);
        assertThat(patent.release(UUID.randomUUID(), TODAY)).isFalse();
        assertThat(patent.status).isEqualTo(PatentStatus.RESERVED);
        assertThat(patent.release(deal, TODAY)).isTrue();
        assertThat(patent.status).isEqualTo(PatentStatus.AVAILABLE);
        assertThat(patent.reservedByDeal).isNull();
        assertThat(patent.release(deal, TODAY)).isFalse();
    }

    @Test
    void shouldReleaseIntoExpiredWhenPastExpiry() {
        Patent patent = available();
        patent.expiryDate = TODAY.minusDays(1);
        UUID deal = UUID.randomUUID();
        patent.reserve(deal);
        patent.release(deal, TODAY);
        assertThat(patent.status).isEqualTo(PatentStatus.EXPIRED);
    }

    @Test
    void shouldTransferToTheBuyerOnce() {
        Patent patent = available();
        UUID buyer = UUID.randomUUID();
        patent.reserve(UUID.randomUUID());
        assertThat(patent.transfer(buyer)).isTrue();
        assertThat(patent.ownerId).isEqualTo(buyer);
        assertThat(patent.status).isEqualTo(PatentStatus.TRANSFERRED);
        assertThat(patent.reservedByDeal).isNull();
        assertThat(patent.transfer(UUID.randomUUID())).isFalse();
        assertThat(patent.ownerId).isEqualTo(buyer);
    }

    @Test
    void shouldRecordExclusiveLicenceOnceAndReleaseTheReservation() {
        Patent patent = available();
        UUID deal = UUID.randomUUID();
        UUID licensee = UUID.randomUUID();
        patent.reserve(deal);
        assertThat(patent.grantExclusiveLicence(deal, licensee, List.of("KZ", "UZ"), TODAY)).isTrue();
        assertThat(patent.grantExclusiveLicence(deal, licensee, List.of("KZ", "UZ"), TODAY)).isFalse();
        assertThat(patent.exclusiveLicences).containsExactly(new ExclusiveLicence(deal, licensee, List.of("KZ", "UZ")));
        assertThat(patent.status).isEqualTo(PatentStatus.AVAILABLE);
    }

    @Test
    void shouldRefuseToWithdrawWhileReservedOrGone() {
        Patent reserved = available();
        reserved.reserve(UUID.randomUUID());
        assertThatThrownBy(reserved::withdraw).isInstanceOf(ProblemException.class).hasMessageContaining("reserved by agreed deal");

        Patent transferred = available();
        transferred.transfer(UUID.randomUUID());
        assertThatThrownBy(transferred::withdraw).isInstanceOf(ProblemException.class).hasMessageContaining("transferred");

        Patent patent = available();
        patent.withdraw();
        assertThat(patent.status).isEqualTo(PatentStatus.WITHDRAWN);
        assertThatThrownBy(patent::withdraw).isInstanceOf(ProblemException.class).hasMessageContaining("withdrawn already");
        assertThatThrownBy(patent::requireEditable).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldExpireOnlyAvailableListingsPastTheirExpiry() {
        Patent due = available();
        due.expiryDate = TODAY.minusDays(1);
        assertThat(due.expireIfDue(TODAY)).isTrue();
        assertThat(due.status).isEqualTo(PatentStatus.EXPIRED);

        Patent reserved = available();
        reserved.expiryDate = TODAY.minusDays(1);
        reserved.reserve(UUID.randomUUID());
        assertThat(reserved.expireIfDue(TODAY)).isFalse();

        assertThat(available().expireIfDue(TODAY)).isFalse();
    }

    @Test
    void shouldIndexEveryLevelOfItsIpcSymbolsAndAllItsText() {
        Patent patent = available();
        patent.classify(List.of(IpcClass.parse("H01M 10/0525"), IpcClass.parse("H01M 4/505")));
        assertThat(patent.ipcPrefixes).containsExactly("H", "H01", "H01M", "H01M 10", "H01M 10/0525", "H01M 4", "H01M 4/505");
        patent.describe(Map.of("zh", "高镍三元锂电池正极材料"), Map.of("ru", "Катодный материал"));
        assertThat(patent.searchText).contains("CN-114123456-B", "锂电池", "Катодный");
    }

    private static Patent available() {
        Patent patent = new Patent();
        patent.id = UUID.randomUUID();
        patent.publicationNumber = "CN-114123456-B";
        patent.ownerId = UUID.randomUUID();
        patent.status = PatentStatus.AVAILABLE;
        patent.expiryDate = TODAY.plusYears(10);
        patent.exclusiveLicences = List.of();
        return patent;
    }
}
