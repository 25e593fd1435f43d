package org.iprharbor.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

    @Test
    void shouldSkipTheNationalDayWeekAndCountItsAdjustedSaturday() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    }

    @Test
    void shouldCountTheSaturdayBeforeTheSpringFestivalAndSkipItsNineDays() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void shouldCountThirtyWorkingDaysAcrossTheYearEndAsEstimatedWhileTheNextNoticeIsMissing() {
        LocalDate received = LocalDate.of(2026, 12, 7);

        LocalDate due = calendar.plusWorkingDays(received, 30);

        // 18 working days left in December, New Year's Day off, then 12 more
        assertThat(due).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(calendar.isOfficialBetween(received, due)).isFalse();
        assertThat(calendar.isOfficialBetween(received, LocalDate.of(2026, 12, 31))).isTrue();
    }

    @Test
    void shouldTreatAYearWithoutAFileAsWeekdaysOnly() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).isTrue();
        assertThat(calendar.isOfficialBetween(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31))).isFalse();
    }

    @Test
    void shouldRefuseALineItDoesNotKnowRatherThanMiscount() {
        Set<LocalDate> off = new HashSet<>();
        assertThatThrownBy(() -> WorkingDayCalendar.parseYear(List.of("holiday 2026-01-01"), off, new HashSet<>()))
                .hasMessageContaining("holiday 2026-01-01");
    }
}
