package org.iprharbor.catalog.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpcClassTest {

    @ParameterizedTest
    @CsvSource({
            "H01M 10/0525, H01M 10/0525",
            "h01m10/0525, H01M 10/0525",
            "C10G  1 / 00, C10G 1/00",
            "A61K 036/00, A61K 36/00"
    })
    void shouldNormaliseIpcSymbols(String given, String expected) {
        assertThat(IpcClass.parse(given).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Z01M 10/0525", "H01M", "H01M 10", "H1M 10/05", "H01M 10/5"})
    void shouldRejectWhatIsNotAnIpcSymbol(String given) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpcClass.parse(given)).withMessageContaining("IPC");
    }

    @Test
    void shouldKnowItsSection() {
        assertThat(IpcClass.parse("B64G 1/10").section()).isEqualTo('B');
    }

    @Test
    void shouldExpireTwentyYearsAfterFilingUnlessGiven() {
        assertThat(Patent.expiryOf(LocalDate.of(2019, 3, 14), null)).isEqualTo(LocalDate.of(2039, 3, 14));
        assertThat(Patent.expiryOf(LocalDate.of(2019, 3, 14), LocalDate.of(2030, 1, 1))).isEqualTo(LocalDate.of(2030, 1, 1));
    }

    @ParameterizedTest
    @CsvSource({"h, H", "h01, H01", "H01M, H01M", "h01m10, H01M 10", "H01M 010/0525, H01M 10/0525"})
    void shouldNormaliseSearchPrefixesAtEveryLevel(String given, String expected) {
        assertThat(IpcClass.normalisePrefix(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Z", "H1", "H01M 10/5", "lithium"})
    void shouldRejectWhatIsNotAnIpcPrefix(String given) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpcClass.normalisePrefix(given)).withMessageContaining("IPC prefix");
    }

    @Test
    void shouldListEveryLevelOfANeedsPrefixAndRefuseSectionsAndClasses() {
        assertThat(IpcClass.levelsOf(IpcClass.normaliseSubclassOrBelow("h01m 4")))
                .containsExactly("H", "H01", "H01M", "H01M 4");
        assertThat(IpcClass.levelsOf("H01M 10/0525"))
                .containsExactly("H", "H01", "H01M", "H01M 10", "H01M 10/0525");
        assertThatIllegalArgumentException().isThrownBy(() -> IpcClass.normaliseSubclassOrBelow("H01"))
                .withMessageContaining("subclass");
    }
}
