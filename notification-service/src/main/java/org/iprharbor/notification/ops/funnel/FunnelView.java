package org.iprharbor.notification.ops.funnel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deals per state now, and deal transitions (events on harbor.deals.v1) per minute over the last hour.
 */
public record FunnelView(Map<String, Long> dealsByState, List<Minute> transitionsPerMinute) {

    /** One minute's count, starting at {@code minute}. */
    public record Minute(Instant minute, long count) {
    }
}
