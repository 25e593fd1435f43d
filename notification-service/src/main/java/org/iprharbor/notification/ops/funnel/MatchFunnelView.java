package org.iprharbor.notification.ops.funnel;

import java.time.LocalDate;
import java.util.List;

/**
 * Matches found per day over the last two weeks, with how many of them became offers and completed deals, and the
 * shares of the whole period (0 when no match was found).
 */
public record MatchFunnelView(List<Day> days, long found, long offered, long completed, double offeredShare,
        double completedShare) {

    /** One UTC day's matches (by when they were found) and what became of them so far. */
    public record Day(LocalDate day, long found, long offered, long completed) {
    }

    static MatchFunnelView of(List<Day> days) {
        long found = days.stream().mapToLong(Day::found).sum();
        long offered = days.stream().mapToLong(Day::offered).sum();
        long completed = days.stream().mapToLong(Day::completed).sum();
        return new MatchFunnelView(days, found, offered, completed, share(offered, found), share(completed, found));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
