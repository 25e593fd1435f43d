package org.iprharbor.kit.events;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventSequenceTest {

    @Test
    void shouldOrderAsStringsAsTheVersionsOrderAsNumbers() {
        List<Long> versions = LongStream.of(0, 1, 9, 10, 99, 100, 12_345, Long.MAX_VALUE).boxed().toList();
        List<String> formatted = versions.stream().map(CloudEventSequence::format).toList();

        assertThat(formatted).isSorted().allSatisfy(value -> assertThat(value).hasSize(20).containsOnlyDigits());
        assertThat(formatted.get(3)).isEqualTo("00000000000000000010");
        assertThat(formatted.stream().map(CloudEventSequence::parse).toList()).isEqualTo(versions);
    }

    @Test
    void shouldReadUnpaddedValuesWrittenBeforeThePadding() {
        assertThat(CloudEventSequence.parse("7")).isEqualTo(7);
    }

    @Test
    void shouldRefuseWhatIsNotAVersion() {
        for (String value : List.of("", "-1", "+1", "1e3", " 1", "000000000000000000001", "0x10")) {
            assertThatThrownBy(() -> CloudEventSequence.parse(value)).as(value).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CloudEventSequence.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
