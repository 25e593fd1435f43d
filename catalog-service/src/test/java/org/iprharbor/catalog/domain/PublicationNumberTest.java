package org.iprharbor.catalog.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicationNumberTest {

    @ParameterizedTest
    @CsvSource({
            "CN-114123456-A, CN-114123456-A",
            "cn114123456a, CN-114123456-A",
            "CN 114 123 456 B, CN-114123456-B",
            "'US-7,650,331-B1', US-7650331-B1",
            "KZ-35123-B, KZ-35123-B",
            " ru 2765432 c1 , RU-2765432-C1"
    })
    void shouldNormaliseCommonSpellingsToDocdb(String given, String expected) {
        assertThat(PublicationNumber.parse(given).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "114123456", "CN-ABC-A", "C-114123456-A", "CN-114123456", "CN-1234567890123456-A"})
    void shouldRejectWhatIsNotAPublicationNumber(String given) {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicationNumber.parse(given))
                .withMessageContaining("publication number");
    }

    @Test
    void shouldRejectNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicationNumber.parse(null));
    }
}
