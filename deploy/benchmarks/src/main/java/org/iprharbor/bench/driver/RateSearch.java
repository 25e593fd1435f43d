package org.iprharbor.bench.driver;

import java.util.function.DoublePredicate;

/**
 * Finds the highest rate at which a run still holds (no errors, p99 within the bound): doubles from a start
 * rate until a run fails or the cap is reached, then bisects between the last rate that held and the first
 * that failed until the gap is within {@code precision} (a fraction of the rate). The first failure of the doubling
 * is tried once more before it counts: one stall of a shared machine (a compile, another process's burst) at the
 * start rate sent a whole search bisecting below it (7 Dec: 484 requests/s for a ceiling of 3,875).
 */
public final class RateSearch {

    private final double start;
    private final double cap;
    private final double precision;

    public RateSearch(double start, double cap, double precision) {
        this.start = start;
        this.cap = cap;
        this.precision = precision;
    }

    /** @return the highest rate found to hold (the cap if it holds there), or 0 if none did */
    public double find(DoublePredicate holdsAt) {
        double good = 0;
        double bad;
        for (double rate = start;; rate *= 2) {
            double tried = Math.min(rate, cap);
            if (!holdsAt.test(tried) && !holdsAt.test(tried)) {
                bad = tried;
                break;
            }
            good = tried;
            if (tried >= cap) {
                return cap;
            }
        }
        while (bad - good > precision * bad) {
            double middle = Math.floor((good + bad) / 2);
            if (middle <= good) {
                break;
            }
            if (holdsAt.test(middle)) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return good;
    }
}
